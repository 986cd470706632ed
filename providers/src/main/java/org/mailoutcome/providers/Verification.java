package org.mailoutcome.providers;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mailoutcome.providers.internal.Keys;

/**
 * How requests from one provider are proved authentic; one of these per configured provider, on by default.
 *
 * <table>
 * <caption>Which fits which provider</caption>
 * <tr><th>verification</th><th>providers</th></tr>
 * <tr><td>{@link #sns(String...)}</td><td>SES</td></tr>
 * <tr><td>{@link #sendGrid(String)}</td><td>SendGrid</td></tr>
 * <tr><td>{@link #mailgun(String)}</td><td>Mailgun</td></tr>
 * <tr><td>{@link #basicAuth(String, String)}</td><td>Postmark, SparkPost, Mailjet (and SendGrid, Mailgun, which
 *     can put credentials in the webhook URL too)</td></tr>
 * <tr><td>{@link #none()}</td><td>any: for payloads saved after they were verified, and tests</td></tr>
 * </table>
 */
public sealed interface Verification {

    /** The default window for SendGrid's and Mailgun's signed timestamps, either side of now: 10 minutes. */
    Duration SIGNED_TIME_WINDOW = Duration.ofMinutes(10);

    /** The default window for SNS messages: SNS retries an HTTP/S delivery for at most an hour; 65 minutes. */
    Duration SNS_TIME_WINDOW = Duration.ofMinutes(65);

    /**
     * SNS signatures, for messages from these topics only.
     *
     * @param topicArns the topics whose messages are accepted, at least one
     * @return the verification, with the default fetcher, no confirming, no trust anchors
     */
    static Sns sns(String... topicArns) {
        return sns(Arrays.asList(topicArns));
    }

    /**
     * SNS signatures, for messages from these topics only.
     *
     * @param topicArns the topics whose messages are accepted, at least one
     * @return the verification
     */
    static Sns sns(Collection<String> topicArns) {
        return new Sns(new LinkedHashSet<>(topicArns), false, SnsFetcher.https(), List.of(), SNS_TIME_WINDOW);
    }

    /**
     * SendGrid's signed Event Webhook: ECDSA P-256 with SHA-256 over the timestamp header and the body.
     *
     * @param publicKey the verification key as SendGrid shows it: base64 of the DER public key (PEM armour and
     *     line breaks are accepted)
     * @return the verification
     * @throws IllegalArgumentException if the key is not an EC P-256 public key
     */
    static SendGridSignature sendGrid(String publicKey) {
        return new SendGridSignature(Keys.ecP256(publicKey), SIGNED_TIME_WINDOW);
    }

    /**
     * Mailgun's HMAC-SHA256 of {@code timestamp + token} with the webhook signing key.
     *
     * @param signingKey the HTTP webhook signing key
     * @return the verification
     */
    static MailgunSignature mailgun(String signingKey) {
        return new MailgunSignature(signingKey, SIGNED_TIME_WINDOW);
    }

    /**
     * HTTP basic authentication, the credentials put in the webhook URL at the provider.
     *
     * @param user the user name, without {@code ':'}
     * @param password the password
     * @return the verification
     */
    static BasicAuth basicAuth(String user, String password) {
        return new BasicAuth(user, password);
    }

    /**
     * No check at all: every request is taken as authentic. Only for payloads saved after they were verified.
     *
     * @return the verification
     */
    static Unverified none() {
        return new Unverified();
    }

    /**
     * Amazon SNS message signatures (SignatureVersion 1, SHA1withRSA, and 2, SHA256withRSA) over the documented
     * canonical string, the certificate fetched only from an HTTPS {@code sns.<region>.amazonaws.com} URL.
     *
     * @param topicArns the topics whose messages are accepted
     * @param confirmSubscriptions whether a {@code SubscriptionConfirmation} from an accepted topic is confirmed
     *     by visiting its {@code SubscribeURL}
     * @param fetcher fetches certificates and subscribe URLs
     * @param trustAnchors if not empty, the fetched certificate (with any intermediates in the same PEM) must
     *     chain to one of these; when empty the HTTPS fetch from an SNS host is the proof
     * @param maxAge how far the message's {@code Timestamp} may be from now
     */
    record Sns(Set<String> topicArns, boolean confirmSubscriptions, SnsFetcher fetcher,
            List<X509Certificate> trustAnchors, Duration maxAge) implements Verification {
        /**
         * Checks and copies the components.
         *
         * @param topicArns the topics
         * @param confirmSubscriptions confirm
         * @param fetcher the fetcher
         * @param trustAnchors the anchors
         * @param maxAge the window
         */
        public Sns {
            topicArns = Set.copyOf(new LinkedHashSet<>(topicArns));
            if (topicArns.isEmpty()) throw new IllegalArgumentException("name at least one SNS topic ARN");
            for (String arn : topicArns) {
                if (arn.isBlank()) throw new IllegalArgumentException("a topic ARN is blank");
            }
            Objects.requireNonNull(fetcher, "fetcher");
            trustAnchors = List.copyOf(trustAnchors);
            checkWindow(maxAge);
        }

        /**
         * A copy with that setting.
         *
         * @param confirm whether to confirm subscriptions
         * @return a copy with that setting
         */
        public Sns withConfirmSubscriptions(boolean confirm) {
            return new Sns(topicArns, confirm, fetcher, trustAnchors, maxAge);
        }

        /**
         * A copy with that fetcher.
         *
         * @param replacement the fetcher to use
         * @return a copy with that fetcher
         */
        public Sns withFetcher(SnsFetcher replacement) {
            return new Sns(topicArns, confirmSubscriptions, replacement, trustAnchors, maxAge);
        }

        /**
         * A copy with them.
         *
         * @param anchors the certificates the signing certificate must chain to
         * @return a copy with them
         */
        public Sns withTrustAnchors(Collection<X509Certificate> anchors) {
            return new Sns(topicArns, confirmSubscriptions, fetcher, List.copyOf(anchors), maxAge);
        }

        /**
         * A copy with that window.
         *
         * @param window how far a message's time may be from now, positive
         * @return a copy with that window
         */
        public Sns withMaxAge(Duration window) {
            return new Sns(topicArns, confirmSubscriptions, fetcher, trustAnchors, window);
        }
    }

    /**
     * SendGrid's ECDSA signature ({@code X-Twilio-Email-Event-Webhook-Signature}) over the
     * {@code X-Twilio-Email-Event-Webhook-Timestamp} header followed by the body.
     *
     * @param publicKey the EC P-256 verification key
     * @param maxAge how far the signed timestamp may be from now
     */
    record SendGridSignature(PublicKey publicKey, Duration maxAge) implements Verification {
        /**
         * Checks the components.
         *
         * @param publicKey the key
         * @param maxAge the window
         */
        public SendGridSignature {
            Objects.requireNonNull(publicKey, "publicKey");
            checkWindow(maxAge);
        }

        /**
         * A copy with that window.
         *
         * @param window how far the signed time may be from now, positive
         * @return a copy with that window
         */
        public SendGridSignature withMaxAge(Duration window) {
            return new SendGridSignature(publicKey, window);
        }
    }

    /**
     * Mailgun's {@code signature} object: HMAC-SHA256 of {@code timestamp + token}, hex; each token accepted once.
     *
     * @param signingKey the webhook signing key
     * @param maxAge how far the signed timestamp may be from now
     */
    record MailgunSignature(String signingKey, Duration maxAge) implements Verification {
        /**
         * Checks the components.
         *
         * @param signingKey the key
         * @param maxAge the window
         */
        public MailgunSignature {
            Objects.requireNonNull(signingKey, "signingKey");
            if (signingKey.isEmpty()) throw new IllegalArgumentException("the Mailgun signing key is empty");
            checkWindow(maxAge);
        }

        /**
         * A copy with that window.
         *
         * @param window how far the signed time may be from now, positive
         * @return a copy with that window
         */
        public MailgunSignature withMaxAge(Duration window) {
            return new MailgunSignature(signingKey, window);
        }

        /** @return the components, the key hidden */
        @Override
        public String toString() {
            return "MailgunSignature[signingKey=(hidden), maxAge=" + maxAge + "]";
        }
    }

    /**
     * HTTP basic authentication ({@code Authorization: Basic ...}), compared in constant time.
     *
     * @param user the user name
     * @param password the password
     */
    record BasicAuth(String user, String password) implements Verification {
        /**
         * Checks the components.
         *
         * @param user the user name, without ':'
         * @param password the password
         */
        public BasicAuth {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isEmpty() || user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a basic-auth user name is not empty and has no ':'");
            }
        }

        /** @return the components, the password hidden */
        @Override
        public String toString() {
            return "BasicAuth[user=" + user + ", password=(hidden)]";
        }
    }

    /** No verification: every request is taken as authentic. */
    record Unverified() implements Verification {
    }

    private static void checkWindow(Duration maxAge) {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) throw new IllegalArgumentException("maxAge must be positive: "
                + maxAge);
    }
}
