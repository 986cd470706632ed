package org.mailoutcome.providers;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.providers.internal.Headers;
import org.mailoutcome.providers.internal.Reader;
import org.mailoutcome.providers.internal.Readers;
import org.mailoutcome.tracking.Provider;

/**
 * Verifies and reads providers' webhook requests, from any HTTP stack.
 *
 * <pre>{@code
 * ProviderEvents events = ProviderEvents.builder()
 *         .verify(Provider.MAILGUN, Verification.mailgun(signingKey))
 *         .verify(Provider.SES, Verification.sns("arn:aws:sns:eu-west-1:123456789012:ses-events"))
 *         .build();
 * ParseResult result = events.parse(Provider.MAILGUN, body, headers);   // never throws for what it is given
 * if (result instanceof ParseResult.Accepted accepted) {
 *     for (ProviderEvent e : accepted.events()) {
 *         if (e instanceof ProviderEvent.Bounced b) suppress(b.recipient(), b.outcome().reason());
 *     }
 * }
 * response.setStatus(result.httpStatus());
 * }</pre>
 *
 * <p><b>Order of work.</b> The size first: a body over {@link #maxBytes()} is {@link ParseResult.TooLarge} before
 * anything else. Then the provider's verification: from the headers and raw bytes before parsing (SendGrid, basic
 * auth), or from the parsed body where the provider signs inside it (Mailgun, SNS); a request that does not pass
 * is {@link ParseResult.Refused} and nothing of it is read. Then the events. Parsing is one pass over the body
 * (Gson's streaming reader, nesting at most 64 deep), linear in its size.
 *
 * <p><b>No provider is trusted by default:</b> a provider without a {@link Verification} is refused
 * ({@link Refusal#NOT_CONFIGURED}); {@link Verification#none()} must be asked for.
 *
 * <p>Thread-safe: one instance serves every request. Its replay guards and SNS certificate cache live as long as
 * it does; {@link #counters()} counts every result.
 */
public final class ProviderEvents {
    /** The default size limit: 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    /** The default number of tokens each replay guard remembers (56 to 112 bytes each, in arrays grown as needed). */
    public static final int DEFAULT_REPLAY_CAPACITY = 262_144;
    private static final System.Logger LOG = System.getLogger(ProviderEvents.class.getName());
    private final Map<Provider, Verification> verifications;
    private final Map<Provider, Reader> readers = new EnumMap<>(Provider.class);
    private final long maxBytes;
    private final EventCounters counters = new EventCounters();

    private ProviderEvents(Builder b) {
        this.verifications = Map.copyOf(b.verifications);
        this.maxBytes = b.maxBytes;
        b.verifications.forEach((p, v) -> readers.put(p, Readers.of(p, v, b.clock, b.replayCapacity)));
    }

    /**
     * A builder with no provider configured.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies and reads one request. Never throws for what the request contains.
     *
     * @param provider the provider the request is for (from the endpoint it came to, never from the request)
     * @param body the raw body, exactly as received
     * @param headers the request's headers, names in any case
     * @return what it made of the request
     */
    public ParseResult parse(Provider provider, byte[] body, Map<String, List<String>> headers) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(body, "body");
        Headers lookup = new Headers(headers);
        ParseResult result;
        Reader reader = readers.get(provider);
        if (body.length > maxBytes) {
            result = new ParseResult.TooLarge(provider, maxBytes);
        } else if (reader == null) {
            result = new ParseResult.Refused(provider, Refusal.NOT_CONFIGURED, "no verification is configured for "
                    + provider.id());
        } else {
            result = read(provider, reader, body, lookup);
        }
        counters.record(result);
        return result;
    }

    /**
     * Reads at most {@link #maxBytes()} + 1 bytes of a body, then does as {@link #parse(Provider, byte[], Map)};
     * a longer body is {@link ParseResult.TooLarge} without the rest being read. The stream is not closed.
     *
     * @param provider the provider the request is for
     * @param body the body
     * @param headers the request's headers
     * @return what it made of the request
     * @throws IOException when reading the stream fails
     */
    public ParseResult parse(Provider provider, InputStream body, Map<String, List<String>> headers)
            throws IOException {
        Objects.requireNonNull(body, "body");
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            ParseResult result = new ParseResult.TooLarge(Objects.requireNonNull(provider, "provider"), maxBytes);
            counters.record(result);
            return result;
        }
        return parse(provider, bytes, headers);
    }

    /**
     * Forgets what the replay guard remembered of an accepted request. Call it when the events could not be
     * applied (a store down) and you answer with an error so that the provider delivers again: its retry is then
     * accepted instead of refused as {@link Refusal#REPLAYED}.
     *
     * @param accepted a result of this instance
     */
    public void release(ParseResult.Accepted accepted) {
        Objects.requireNonNull(accepted, "accepted");
        Reader reader = readers.get(accepted.provider());
        if (reader != null) accepted.replayToken().ifPresent(reader::forget);
    }

    /**
     * The counts of results so far.
     *
     * @return the live counters
     */
    public EventCounters counters() {
        return counters;
    }

    /**
     * The size limit of a body.
     *
     * @return bytes
     */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The verification configured for a provider.
     *
     * @param provider the provider
     * @return the verification, or empty when its requests are refused
     */
    public Optional<Verification> verification(Provider provider) {
        return Optional.ofNullable(verifications.get(Objects.requireNonNull(provider, "provider")));
    }

    private static ParseResult read(Provider provider, Reader reader, byte[] body, Headers headers) {
        try {
            return reader.read(body, headers);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a " + provider.id() + " request could not be read", e);
            return new ParseResult.Malformed(provider, "could not be read: " + e);
        }
    }

    /** Options of a {@link ProviderEvents}. */
    public static final class Builder {
        private final Map<Provider, Verification> verifications = new EnumMap<>(Provider.class);
        private long maxBytes = DEFAULT_MAX_BYTES;
        private int replayCapacity = DEFAULT_REPLAY_CAPACITY;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * How one provider's requests are verified; a provider not named here is refused.
         *
         * @param provider the provider
         * @param verification one of the kinds that fit it (see {@link Verification}); checked in {@link #build()}
         * @return this builder
         */
        public Builder verify(Provider provider, Verification verification) {
            verifications.put(Objects.requireNonNull(provider, "provider"),
                    Objects.requireNonNull(verification, "verification"));
            return this;
        }

        /**
         * The size limit of a body.
         *
         * @param bytes at least 1; default {@link #DEFAULT_MAX_BYTES}
         * @return this builder
         */
        public Builder maxBytes(long bytes) {
            if (bytes < 1) throw new IllegalArgumentException("maxBytes must be >= 1: " + bytes);
            this.maxBytes = bytes;
            return this;
        }

        /**
         * How many tokens each replay guard remembers; past that its window shrinks (see the guide).
         *
         * @param tokens at least 1; default {@link #DEFAULT_REPLAY_CAPACITY}
         * @return this builder
         */
        public Builder replayCapacity(int tokens) {
            if (tokens < 1) throw new IllegalArgumentException("replayCapacity must be >= 1: " + tokens);
            this.replayCapacity = tokens;
            return this;
        }

        /**
         * The clock signed times are compared with.
         *
         * @param clock the clock; default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds it.
         *
         * @return the instance
         * @throws IllegalArgumentException if a verification does not fit its provider
         */
        public ProviderEvents build() {
            return new ProviderEvents(this);
        }
    }
}
