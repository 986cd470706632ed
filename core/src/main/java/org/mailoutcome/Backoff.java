package org.mailoutcome;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before each retry: {@link #fixed(Duration)} or {@link #exponential(Duration, double, Duration)}.
 * Jitter is the {@link RetryPolicy}'s business; a backoff is deterministic.
 */
public sealed interface Backoff {

    /**
     * The wait before retry number {@code retry} (1 for the first retry, that is the second attempt).
     *
     * @param retry at least 1
     * @return the delay
     */
    Duration delayBeforeRetry(int retry);

    /**
     * The same wait before every retry.
     *
     * @param delay a duration, zero or positive
     * @return the backoff
     */
    static Backoff fixed(Duration delay) {
        return new Fixed(delay);
    }

    /**
     * {@code initial}, then multiplied by {@code multiplier} for each further retry, never above {@code max}.
     *
     * @param initial the first wait, positive
     * @param multiplier at least 1
     * @param max the cap, at least {@code initial}
     * @return the backoff
     */
    static Backoff exponential(Duration initial, double multiplier, Duration max) {
        return new Exponential(initial, multiplier, max);
    }

    /**
     * A fixed backoff.
     *
     * @param delay the wait before every retry
     */
    record Fixed(Duration delay) implements Backoff {
        /**
         * Checks the delay.
         *
         * @param delay the wait before every retry, not negative
         */
        public Fixed {
            if (Objects.requireNonNull(delay, "delay").isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }

        @Override
        public Duration delayBeforeRetry(int retry) {
            return delay;
        }
    }

    /**
     * An exponential backoff with a cap.
     *
     * @param initial the first wait
     * @param multiplier the growth factor per retry
     * @param max the cap
     */
    record Exponential(Duration initial, double multiplier, Duration max) implements Backoff {
        /**
         * Checks the components.
         *
         * @param initial the first wait, positive
         * @param multiplier at least 1
         * @param max the cap, at least {@code initial}
         */
        public Exponential {
            if (Objects.requireNonNull(initial, "initial").isNegative() || initial.isZero()) {
                throw new IllegalArgumentException("initial must be positive: " + initial);
            }
            if (!(multiplier >= 1.0)) throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
            if (Objects.requireNonNull(max, "max").compareTo(initial) < 0) {
                throw new IllegalArgumentException("max must be >= initial: " + max + " < " + initial);
            }
        }

        @Override
        public Duration delayBeforeRetry(int retry) {
            if (retry < 1) throw new IllegalArgumentException("retry must be >= 1: " + retry);
            double millis = initial.toMillis() * Math.pow(multiplier, retry - 1);
            return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
        }
    }
}
