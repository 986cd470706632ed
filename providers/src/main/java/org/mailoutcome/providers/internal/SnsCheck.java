package org.mailoutcome.providers.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailoutcome.providers.Refusal;
import org.mailoutcome.providers.Verification;

/**
 * Amazon SNS message signatures. In order: the topic is one configured; the certificate URL is HTTPS on an SNS
 * host; the message time is within the window; the certificate (fetched, cached, checked) verifies the signature
 * over the canonical string; the message id was not accepted before.
 */
public final class SnsCheck {
    /**
     * {@code sns.<region>.amazonaws.com} and China's {@code .amazonaws.com.cn}. The region must look like one
     * ({@code us-east-1}, {@code us-gov-west-1}, {@code eusc-de-east-1}): a looser label would admit S3's
     * legacy bucket hosts ({@code sns.s3.amazonaws.com}, {@code sns.s3-external-1.amazonaws.com}), where anyone
     * can publish a certificate.
     */
    private static final Pattern SNS_HOST =
            Pattern.compile("sns\\.[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}\\.amazonaws\\.com(\\.cn)?");
    /** How much of a topic ARN a refusal quotes. */
    private static final int MAX_QUOTED = 200;
    private final Verification.Sns config;
    private final SnsCertificates certificates;
    private final ReplayGuard guard;
    private final Clock clock;

    /** @param config the verification @param guard the replay guard @param clock the clock */
    public SnsCheck(Verification.Sns config, ReplayGuard guard, Clock clock) {
        this.config = config;
        this.certificates = new SnsCertificates(config.fetcher(), config.trustAnchors());
        this.guard = guard;
        this.clock = clock;
    }

    /** Checks a message. */
    public Verdict check(SnsMessage m) throws BadPayload {
        if (!config.topicArns().contains(m.topicArn())) {
            String arn = m.topicArn();
            return Verdict.fail(Refusal.UNEXPECTED_TOPIC, "topic " + (arn.length() > MAX_QUOTED
                    ? arn.substring(0, MAX_QUOTED) + "..." : arn) + " is not configured");
        }
        if (m.signature().isEmpty() || m.signingCertUrl().isEmpty()) {
            return Verdict.fail(Refusal.MISSING_CREDENTIALS, "no Signature or SigningCertURL");
        }
        String algorithm = switch (m.signatureVersion().orElse("")) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> null;
        };
        if (algorithm == null) return Verdict.fail(Refusal.FORGED, "SignatureVersion is neither 1 nor 2");
        Optional<URI> url = snsUrl(m.signingCertUrl().get());
        if (url.isEmpty()) {
            return Verdict.fail(Refusal.UNTRUSTED_CERTIFICATE, "SigningCertURL is not an HTTPS URL of an SNS host");
        }
        Optional<Instant> signedAt = Times.of(m.timestamp());
        if (signedAt.isEmpty()) return Verdict.fail(Refusal.FORGED, "the Timestamp is not an ISO 8601 time");
        Instant now = clock.instant();
        Optional<Verdict> stale = guard.outsideWindow(signedAt.get(), now);
        if (stale.isPresent()) return stale.get();
        X509Certificate certificate;
        try {
            certificate = certificates.get(url.get(), now);
        } catch (IOException e) {
            return Verdict.fail(Refusal.CERTIFICATE_UNAVAILABLE, "the signing certificate could not be fetched: "
                    + e.getMessage());
        } catch (CertificateException e) {
            return Verdict.fail(Refusal.UNTRUSTED_CERTIFICATE, e.getMessage());
        }
        if (!verifies(algorithm, certificate, m.canonical(), m.signature().get())) {
            return Verdict.fail(Refusal.FORGED, "the signature does not verify with the SNS certificate");
        }
        return guard.admit(m.messageId(), signedAt.get(), now);
    }

    /** The URL if it is {@code https://sns.<region>.amazonaws.com[.cn]/...}, port 443, no user info. */
    public static Optional<URI> snsUrl(String text) {
        try {
            URI uri = new URI(text);
            boolean ok = "https".equalsIgnoreCase(uri.getScheme()) && uri.getRawUserInfo() == null
                    && (uri.getPort() == -1 || uri.getPort() == 443) && uri.getHost() != null
                    && SNS_HOST.matcher(uri.getHost().toLowerCase(Locale.ROOT)).matches();
            return ok ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean verifies(String algorithm, X509Certificate cert, String canonical, String signature) {
        try {
            Signature rsa = Signature.getInstance(algorithm);
            rsa.initVerify(cert.getPublicKey());
            rsa.update(canonical.getBytes(StandardCharsets.UTF_8));
            return rsa.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
