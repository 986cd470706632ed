package org.mailoutcome.providers.internal;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mailoutcome.providers.Refusal;
import org.mailoutcome.providers.Verification;

/**
 * Mailgun's {@code signature} object: {@code signature} is the hex HMAC-SHA256 of {@code timestamp + token} with
 * the webhook signing key; each token is accepted once, within the window of its timestamp. Note that Mailgun
 * signs only the timestamp and token, not {@code event-data}: the replay guard is what keeps a seen signature
 * from being reused.
 */
public final class MailgunCheck {
    private final SecretKeySpec key;
    private final Mac prototype;
    private final ReplayGuard guard;
    private final Clock clock;

    /** @param config the key and window @param guard the replay guard @param clock the clock */
    public MailgunCheck(Verification.MailgunSignature config, ReplayGuard guard, Clock clock) {
        this.key = new SecretKeySpec(config.signingKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.prototype = newMac();
        this.guard = guard;
        this.clock = clock;
    }

    /** Checks the request's {@code signature} object. */
    public Verdict check(JsonObject root) {
        Optional<JsonObject> signature = Json.object(root, "signature");
        Optional<String> timestamp = signature.flatMap(s -> Json.string(s, "timestamp"));
        Optional<String> token = signature.flatMap(s -> Json.string(s, "token"));
        Optional<String> hex = signature.flatMap(s -> Json.string(s, "signature"));
        if (timestamp.isEmpty() || token.isEmpty() || hex.isEmpty()) {
            return Verdict.fail(Refusal.MISSING_CREDENTIALS, "no signature object with timestamp, token, signature");
        }
        if (!timestamp.get().chars().allMatch(Character::isDigit) || timestamp.get().length() > 12) {
            return Verdict.fail(Refusal.FORGED, "the signed timestamp is not Unix seconds");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.get()));
        Instant now = clock.instant();
        Optional<Verdict> stale = guard.outsideWindow(signedAt, now);
        if (stale.isPresent()) return stale.get();
        byte[] expected = HexFormat.of().formatHex(hmac(timestamp.get() + token.get()))
                .getBytes(StandardCharsets.US_ASCII);
        byte[] given = hex.get().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            return Verdict.fail(Refusal.FORGED, "the HMAC does not verify with the configured signing key");
        }
        return guard.admit(token.get(), signedAt, now);
    }

    /** A clone of the initialised MAC (cheaper than a new one), or a new one where the provider cannot clone. */
    private byte[] hmac(String data) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            mac = newMac();
        }
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
