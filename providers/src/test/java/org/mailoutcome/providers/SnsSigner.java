package org.mailoutcome.providers;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/**
 * Makes SNS HTTP/S messages as SNS does, signed with a test key: the canonical string written here from the SNS
 * documentation, independently of the module's.
 */
final class SnsSigner {
    static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:ses-events";
    static final String CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem";
    private final PrivateKey key;
    private String certUrl = CERT_URL;
    private String topic = TOPIC;
    private int version = 2;

    SnsSigner(PrivateKey key) {
        this.key = key;
    }

    SnsSigner certUrl(String url) {
        this.certUrl = url;
        return this;
    }

    SnsSigner topic(String arn) {
        this.topic = arn;
        return this;
    }

    SnsSigner version(int signatureVersion) {
        this.version = signatureVersion;
        return this;
    }

    /** A Notification carrying {@code message}, published at {@code at}, with an optional subject. */
    JsonObject notification(String messageId, String message, Instant at, String subject) {
        JsonObject o = new JsonObject();
        o.addProperty("Type", "Notification");
        o.addProperty("MessageId", messageId);
        o.addProperty("TopicArn", topic);
        if (subject != null) o.addProperty("Subject", subject);
        o.addProperty("Message", message);
        o.addProperty("Timestamp", at.toString());
        StringBuilder canonical = new StringBuilder();
        field(canonical, "Message", message);
        field(canonical, "MessageId", messageId);
        if (subject != null) field(canonical, "Subject", subject);
        field(canonical, "Timestamp", at.toString());
        field(canonical, "TopicArn", topic);
        field(canonical, "Type", "Notification");
        sign(o, canonical.toString());
        o.addProperty("UnsubscribeURL", "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn="
                + topic + ":c9135db0-26c4-47ec-8998-413945fb5a96");
        return o;
    }

    /** A SubscriptionConfirmation (or UnsubscribeConfirmation) with its token and subscribe URL. */
    JsonObject confirmation(String type, String messageId, String subscribeUrl, Instant at) {
        String token = "2336412f37fb687f5d51e6e241d638b05824e9e2f6713b42abaeb8607743f5ba91d34edd2b9dabe2f1616ed77c0f8801";
        String message = "You have chosen to subscribe to the topic " + topic
                + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.";
        JsonObject o = new JsonObject();
        o.addProperty("Type", type);
        o.addProperty("MessageId", messageId);
        o.addProperty("Token", token);
        o.addProperty("TopicArn", topic);
        o.addProperty("Message", message);
        o.addProperty("SubscribeURL", subscribeUrl);
        o.addProperty("Timestamp", at.toString());
        StringBuilder canonical = new StringBuilder();
        field(canonical, "Message", message);
        field(canonical, "MessageId", messageId);
        field(canonical, "SubscribeURL", subscribeUrl);
        field(canonical, "Timestamp", at.toString());
        field(canonical, "Token", token);
        field(canonical, "TopicArn", topic);
        field(canonical, "Type", type);
        sign(o, canonical.toString());
        return o;
    }

    static byte[] bytes(JsonObject o) {
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void sign(JsonObject o, String canonical) {
        try {
            Signature rsa = Signature.getInstance(version == 1 ? "SHA1withRSA" : "SHA256withRSA");
            rsa.initSign(key);
            rsa.update(canonical.getBytes(StandardCharsets.UTF_8));
            o.addProperty("SignatureVersion", String.valueOf(version));
            o.addProperty("Signature", Base64.getEncoder().encodeToString(rsa.sign()));
            o.addProperty("SigningCertURL", certUrl);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder s, String name, String value) {
        s.append(name).append('\n').append(value).append('\n');
    }
}
