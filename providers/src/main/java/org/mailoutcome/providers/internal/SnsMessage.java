package org.mailoutcome.providers.internal;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * The fields of an SNS HTTP/S message that are signed or used.
 *
 * @param type {@code Notification}, {@code SubscriptionConfirmation} or {@code UnsubscribeConfirmation}
 * @param messageId the message id (the same on SNS's retries)
 * @param topicArn the topic
 * @param message the message: for SES, the record's JSON
 * @param subject the subject, if any (signed when present)
 * @param timestamp when SNS published it
 * @param token the confirmation token (confirmations)
 * @param subscribeUrl the URL that confirms the subscription (confirmations)
 * @param signatureVersion 1 or 2
 * @param signature base64 of the RSA signature
 * @param signingCertUrl where the certificate is
 */
public record SnsMessage(String type, String messageId, String topicArn, String message, Optional<String> subject,
        String timestamp, Optional<String> token, Optional<String> subscribeUrl, Optional<String> signatureVersion,
        Optional<String> signature, Optional<String> signingCertUrl) {

    /** Reads the fields; those that are always there must be. */
    public static SnsMessage of(JsonObject o) throws BadPayload {
        return new SnsMessage(required(o, "Type"), required(o, "MessageId"), required(o, "TopicArn"),
                required(o, "Message"), raw(o, "Subject"), required(o, "Timestamp"), raw(o, "Token"),
                raw(o, "SubscribeURL"), raw(o, "SignatureVersion"), raw(o, "Signature"), raw(o, "SigningCertURL"));
    }

    /** Whether this is a subscription or unsubscribe confirmation, signed with Token and SubscribeURL. */
    public boolean isConfirmation() {
        return !type.equals("Notification");
    }

    /** The string SNS signed: name and value lines of the signed fields, in the documented order. */
    public String canonical() throws BadPayload {
        StringBuilder s = new StringBuilder(message.length() + 512);
        line(s, "Message", message);
        line(s, "MessageId", messageId);
        if (isConfirmation()) {
            line(s, "SubscribeURL", subscribeUrl.orElseThrow(() -> new BadPayload("a confirmation without SubscribeURL")));
            line(s, "Timestamp", timestamp);
            line(s, "Token", token.orElseThrow(() -> new BadPayload("a confirmation without Token")));
        } else {
            subject.ifPresent(v -> line(s, "Subject", v));
            line(s, "Timestamp", timestamp);
        }
        line(s, "TopicArn", topicArn);
        line(s, "Type", type);
        return s.toString();
    }

    private static void line(StringBuilder s, String name, String value) {
        s.append(name).append('\n').append(value).append('\n');
    }

    private static String required(JsonObject o, String key) throws BadPayload {
        if (o.get(key) != null && o.get(key).isJsonPrimitive() && o.get(key).getAsJsonPrimitive().isString()) {
            return o.get(key).getAsString();
        }
        throw new BadPayload("an SNS message without " + key);
    }

    /** A string member as it is, the empty string included (it is signed as it is). */
    private static Optional<String> raw(JsonObject o, String key) {
        return o.get(key) != null && o.get(key).isJsonPrimitive() && o.get(key).getAsJsonPrimitive().isString()
                ? Optional.of(o.get(key).getAsString()) : Optional.empty();
    }
}
