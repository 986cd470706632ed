package org.mailoutcome.providers.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.mailoutcome.providers.Refusal;
import org.mailoutcome.providers.Verification;

/**
 * HTTP basic authentication. The credentials given and the ones configured are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, in time independent of where they differ and of their lengths.
 */
public final class BasicAuthCheck implements Gate {
    private final byte[] expected;

    /** @param auth the configured credentials */
    public BasicAuthCheck(Verification.BasicAuth auth) {
        this.expected = Digests.sha256().digest((auth.user() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Verdict check(byte[] body, Headers headers) {
        Optional<String> header = headers.first("Authorization").map(String::strip);
        if (header.isEmpty()) return Verdict.fail(Refusal.MISSING_CREDENTIALS, "no Authorization header");
        String value = header.get();
        if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Verdict.fail(Refusal.MISSING_CREDENTIALS, "the Authorization header is not basic authentication");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(value.substring(6).strip());
        } catch (IllegalArgumentException e) {
            return Verdict.fail(Refusal.FORGED, "the basic credentials are not base64");
        }
        return MessageDigest.isEqual(Digests.sha256().digest(given), expected) ? Verdict.pass()
                : Verdict.fail(Refusal.FORGED, "wrong user name or password");
    }
}
