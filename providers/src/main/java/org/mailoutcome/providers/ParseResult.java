package org.mailoutcome.providers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.tracking.Provider;

/**
 * What {@link ProviderEvents#parse} made of one webhook request. Never an exception: a forged, stale, replayed,
 * malformed or oversized request is a value here, and changes nothing.
 */
public sealed interface ParseResult {

    /**
     * The provider the request was for.
     *
     * @return the provider
     */
    Provider provider();

    /**
     * The HTTP status to answer the provider with: 200 accepted, 400 malformed, 401 refused, 413 too large, 503
     * when the SNS certificate could not be fetched (so that SNS delivers again).
     *
     * @return the status code
     */
    int httpStatus();

    /**
     * Authentic and read: the events, in the order of the payload. A batch element that could not be read is an
     * {@link ProviderEvent.Unknown} among them.
     *
     * @param provider the provider
     * @param events the events, possibly none (SparkPost's test ping is an empty batch)
     * @param replayToken what the replay guard remembered of this request (a Mailgun token, an SNS message id, a
     *     digest of a SendGrid request), for {@link ProviderEvents#release(Accepted)}; empty when the provider's
     *     verification has no replay guard
     */
    record Accepted(Provider provider, List<ProviderEvent> events, Optional<String> replayToken)
            implements ParseResult {
        /**
         * Checks and copies the components.
         *
         * @param provider the provider
         * @param events the events
         * @param replayToken the replay token
         */
        public Accepted {
            Objects.requireNonNull(provider, "provider");
            events = List.copyOf(events);
            Objects.requireNonNull(replayToken, "replayToken");
        }

        /** @return 200 */
        @Override
        public int httpStatus() {
            return 200;
        }
    }

    /**
     * Not authentic, or not provably so.
     *
     * @param provider the provider
     * @param refusal why
     * @param detail a sentence for the operator; it never quotes a credential or the body
     */
    record Refused(Provider provider, Refusal refusal, String detail) implements ParseResult {
        /**
         * Checks the components.
         *
         * @param provider the provider
         * @param refusal why
         * @param detail the detail
         */
        public Refused {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(detail, "detail");
        }

        /** @return 503 for {@link Refusal#CERTIFICATE_UNAVAILABLE}, else 401 */
        @Override
        public int httpStatus() {
            return refusal == Refusal.CERTIFICATE_UNAVAILABLE ? 503 : 401;
        }
    }

    /**
     * The body is not what the provider sends: not UTF-8, not JSON, truncated, or JSON of another shape.
     *
     * @param provider the provider
     * @param why what is wrong, e.g. {@code "not JSON: End of input at line 1 column 42"}
     */
    record Malformed(Provider provider, String why) implements ParseResult {
        /**
         * Checks the components.
         *
         * @param provider the provider
         * @param why what is wrong
         */
        public Malformed {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(why, "why");
        }

        /** @return 400 */
        @Override
        public int httpStatus() {
            return 400;
        }
    }

    /**
     * The body is larger than {@link ProviderEvents#maxBytes()}: refused before anything was parsed or verified.
     *
     * @param provider the provider
     * @param limit the limit in bytes
     */
    record TooLarge(Provider provider, long limit) implements ParseResult {
        /**
         * Checks the components.
         *
         * @param provider the provider
         * @param limit the limit
         */
        public TooLarge {
            Objects.requireNonNull(provider, "provider");
        }

        /** @return 413 */
        @Override
        public int httpStatus() {
            return 413;
        }
    }
}
