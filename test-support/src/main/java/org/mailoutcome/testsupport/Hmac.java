package org.mailoutcome.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, as providers sign their webhooks (Mailgun's signature), for tests that sign payloads. */
public final class Hmac {
    private Hmac() {
    }

    /**
     * The HMAC-SHA256 of a text with a key, both UTF-8.
     *
     * @param key the key
     * @param data the text
     * @return the 32-byte MAC
     */
    public static byte[] sha256(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
