package org.mailoutcome.providers;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.UUID;
import org.mailoutcome.testsupport.Hmac;

/** Signs Mailgun webhook payloads as Mailgun does: hex HMAC-SHA256 of timestamp + token with the signing key. */
final class MailgunSigner {
    final String key = "key-" + UUID.randomUUID().toString().replace("-", "");

    /** The payload at {@code resource} with its signature placeholders filled in. */
    byte[] sign(String resource, long timestamp, String token) {
        return signText(Payloads.text(resource), timestamp, token, key);
    }

    /** A fresh 50-character token, as Mailgun's are. */
    static String token() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 50);
    }

    static byte[] signText(String template, long timestamp, String token, String key) {
        String signature = HexFormat.of().formatHex(hmac(key, timestamp + token));
        return template.replace("SIGNED_AT", Long.toString(timestamp)).replace("\"TOKEN\"", "\"" + token + "\"")
                .replace("SIGNATURE", signature).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hmac(String key, String data) {
        return Hmac.sha256(key, data);
    }
}
