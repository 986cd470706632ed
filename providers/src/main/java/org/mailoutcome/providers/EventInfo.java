package org.mailoutcome.providers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.tracking.Provider;

/**
 * What every {@link ProviderEvent} carries besides its meaning.
 *
 * @param provider the provider that sent it
 * @param kind the provider's own name for the event, with the sub-type that decided its record where there is
 *     one: {@code "bounce"}, {@code "bounce/blocked"} (SendGrid), {@code "Bounce/Permanent/NoEmail"} (SES),
 *     {@code "failed/permanent/suppress-bounce"} (Mailgun), {@code "Bounce/HardBounce"} (Postmark),
 *     {@code "bounce/10"} (SparkPost's bounce class), {@code "bounce/user unknown"} (Mailjet)
 * @param timestamp when the provider says it happened, if the payload says so in a form that could be read
 * @param providerMessageId the provider's id of the message: SES {@code mail.messageId} (the id of its
 *     {@code 250 Ok <id>} reply to the end of data), SendGrid {@code sg_message_id}, Mailgun
 *     {@code message.headers.message-id} (with angle brackets), Postmark {@code MessageID}, SparkPost
 *     {@code message_id}, Mailjet {@code MessageID} (else {@code Message_GUID})
 * @param correlation your own values that came back with it
 * @param raw the JSON of the event as the provider sent it (a batch's element re-serialised; for SES, the SNS
 *     {@code Message}), unknown fields included
 */
public record EventInfo(Provider provider, String kind, Optional<Instant> timestamp,
        Optional<String> providerMessageId, Correlation correlation, String raw) {

    /**
     * Checks the components.
     *
     * @param provider the provider
     * @param kind the provider's name for the event
     * @param timestamp when it happened
     * @param providerMessageId the provider's message id
     * @param correlation your values
     * @param raw the event's JSON
     */
    public EventInfo {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(correlation, "correlation");
        Objects.requireNonNull(raw, "raw");
    }

    /**
     * The components, the raw JSON by its length only (it can be large and holds addresses).
     *
     * @return a description for logs and test failures
     */
    @Override
    public String toString() {
        return "EventInfo[provider=" + provider + ", kind=" + kind + ", timestamp=" + timestamp
                + ", providerMessageId=" + providerMessageId + ", correlation=" + correlation + ", raw=<"
                + raw.length() + " chars>]";
    }
}
