package org.mailoutcome.providers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Signs bodies as SendGrid's signed Event Webhook does, with a P-256 key pair made here. */
final class SendGridSigner {
    final KeyPair keys = p256();

    /** The verification key as SendGrid's settings page shows it: base64 of the DER public key. */
    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    Map<String, List<String>> headers(byte[] body, long timestamp) {
        return Payloads.headers("X-Twilio-Email-Event-Webhook-Signature", sign(body, timestamp),
                "x-twilio-email-event-webhook-timestamp", Long.toString(timestamp), "Content-Type", "application/json");
    }

    String sign(byte[] body, long timestamp) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(keys.getPrivate());
            ecdsa.update(Long.toString(timestamp).getBytes(StandardCharsets.UTF_8));
            ecdsa.update(body);
            return Base64.getEncoder().encodeToString(ecdsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair p256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
