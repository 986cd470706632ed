package org.mailoutcome.providers.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.mailoutcome.providers.Refusal;
import org.mailoutcome.providers.Verification;

/**
 * SendGrid's signed Event Webhook: SHA256withECDSA over the timestamp header's bytes followed by the body. The
 * replay guard remembers a digest of timestamp and body, not the signature: an ECDSA signature can be altered
 * into another valid one for the same request.
 */
public final class SendGridCheck implements Gate {
    static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";
    private final Verification.SendGridSignature config;
    private final ReplayGuard guard;
    private final Clock clock;

    /** @param config the key and window @param guard the replay guard @param clock the clock */
    public SendGridCheck(Verification.SendGridSignature config, ReplayGuard guard, Clock clock) {
        this.config = config;
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    public Verdict check(byte[] body, Headers headers) {
        Optional<String> signature = headers.first(SIGNATURE).map(String::strip);
        Optional<String> timestamp = headers.first(TIMESTAMP).map(String::strip);
        if (signature.isEmpty() || timestamp.isEmpty()) {
            return Verdict.fail(Refusal.MISSING_CREDENTIALS, "no " + SIGNATURE + " or " + TIMESTAMP + " header");
        }
        if (!timestamp.get().chars().allMatch(Character::isDigit) || timestamp.get().length() > 12
                || timestamp.get().isEmpty()) {
            return Verdict.fail(Refusal.FORGED, "the signed timestamp is not Unix seconds");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.get()));
        Instant now = clock.instant();
        Optional<Verdict> stale = guard.outsideWindow(signedAt, now);
        if (stale.isPresent()) return stale.get();
        byte[] signed = timestamp.get().getBytes(StandardCharsets.UTF_8);
        if (!verifies(signed, body, signature.get())) {
            return Verdict.fail(Refusal.FORGED, "the ECDSA signature does not verify with the configured key");
        }
        MessageDigest digest = Digests.sha256();
        digest.update(signed);
        return guard.admit(Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest(body)), signedAt, now);
    }

    private boolean verifies(byte[] timestamp, byte[] body, String signature) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(config.publicKey());
            ecdsa.update(timestamp);
            ecdsa.update(body);
            return ecdsa.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
