package org.mailoutcome.providers.internal;

import java.time.Instant;
import java.util.Optional;
import org.mailoutcome.providers.Correlation;
import org.mailoutcome.providers.EventInfo;
import org.mailoutcome.providers.ProviderEvent;
import org.mailoutcome.tracking.Provider;

/**
 * What the events read from one payload element share.
 *
 * @param provider the provider
 * @param timestamp when it happened
 * @param providerMessageId the provider's message id
 * @param correlation your values
 * @param raw the element's JSON
 */
public record Base(Provider provider, Optional<Instant> timestamp, Optional<String> providerMessageId,
        Correlation correlation, String raw) {

    /** The common part of an event of this kind. */
    public EventInfo info(String kind) {
        return new EventInfo(provider, kind, timestamp, providerMessageId, correlation, raw);
    }

    /** An event that could not be understood. */
    public ProviderEvent.Unknown unknown(String kind, Optional<String> recipient, String why) {
        return new ProviderEvent.Unknown(info(kind), recipient, why);
    }

    /** A batch element that is not even an object. */
    public static ProviderEvent.Unknown notAnObject(Provider provider, String raw) {
        return new Base(provider, Optional.empty(), Optional.empty(), Correlation.none(), raw)
                .unknown("?", Optional.empty(), "a batch element that is not a JSON object");
    }

    /** A Message-ID with its angle brackets, whether or not the provider kept them. */
    public static Optional<String> bracketed(Optional<String> messageId) {
        return messageId.map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("<") ? s : "<" + s + ">");
    }
}
