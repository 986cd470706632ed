package org.mailoutcome;

import java.time.Duration;
import java.util.Objects;

/** What a {@link RetryPolicy} decided for one outcome: retry after a delay, or give up. */
public sealed interface RetryDecision {

    /**
     * Try again after the delay.
     *
     * @param delay how long to wait first
     */
    record Retry(Duration delay) implements RetryDecision {
        /**
         * Checks the delay.
         *
         * @param delay how long to wait first, not negative
         */
        public Retry {
            if (Objects.requireNonNull(delay, "delay").isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    /**
     * Do not try again.
     *
     * @param reason why, for logs: e.g. {@code "permanent outcome"}, {@code "3 attempts made"}
     */
    record GiveUp(String reason) implements RetryDecision {
        /**
         * Checks the reason.
         *
         * @param reason why, for logs
         */
        public GiveUp {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
