package org.mailoutcome.providers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Your own values that came back with an event, by which it is matched to the send it is about.
 *
 * <table>
 * <caption>Where each provider carries them</caption>
 * <tr><th>provider</th><th>{@code messageId}</th><th>{@code metadata}</th></tr>
 * <tr><td>SES</td><td>the {@code Message-ID} among {@code mail.headers}</td>
 *     <td>{@code mail.tags} other than SES's own {@code ses:*} (first value of each)</td></tr>
 * <tr><td>SendGrid</td><td>{@code smtp-id}</td><td>top-level keys that are not SendGrid's own: the
 *     {@code unique_args} of an {@code X-SMTPAPI} header, the {@code custom_args} of the v3 API</td></tr>
 * <tr><td>Mailgun</td><td>{@code message.headers.message-id}</td>
 *     <td>{@code user-variables} (from {@code X-Mailgun-Variables})</td></tr>
 * <tr><td>Postmark</td><td>none</td><td>{@code Metadata} (from {@code X-PM-Metadata-*} headers)</td></tr>
 * <tr><td>SparkPost</td><td>none</td><td>{@code rcpt_meta} (from the {@code metadata} of {@code X-MSYS-API})</td></tr>
 * <tr><td>Mailjet</td><td>none</td><td>{@code CustomID} (from {@code X-MJ-CustomID}) and {@code Payload}
 *     (from {@code X-MJ-EventPayload}) under those names</td></tr>
 * </table>
 *
 * <p>The provider's own message id is {@link EventInfo#providerMessageId()}: for SES it is the id SES gave in its
 * {@code 250 Ok <id>} reply to the end of data.
 *
 * @param messageId the RFC 5322 Message-ID of your message, with its angle brackets ({@code "<abc@host>"})
 * @param metadata your keys and values; a value that was not a JSON string is kept as its JSON text
 */
public record Correlation(Optional<String> messageId, Map<String, String> metadata) {
    private static final Correlation NONE = new Correlation(Optional.empty(), Map.of());

    /**
     * Checks and copies the components; the metadata keeps its order.
     *
     * @param messageId the Message-ID
     * @param metadata the keys and values
     */
    public Correlation {
        Objects.requireNonNull(messageId, "messageId");
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
    }

    /**
     * No correlation values at all.
     *
     * @return the empty correlation
     */
    public static Correlation none() {
        return NONE;
    }

    /**
     * One metadata value.
     *
     * @param key the key, e.g. the name under which the send put its tracking id
     * @return the value, or empty
     */
    public Optional<String> value(String key) {
        return Optional.ofNullable(metadata.get(Objects.requireNonNull(key, "key")));
    }
}
