package org.mailoutcome;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;

/**
 * Decides whether a transient failure is tried again, and after how long. Immutable; it never sleeps: the
 * mailer does the waiting.
 *
 * <p>By default ({@link #defaults()}) it retries 421, 450, 451, 452 and a connection lost before the end of data,
 * at most 3 attempts in all, after about 1 s then 2 s (exponential, 20% jitter). It never retries a permanent
 * outcome, and never a "maybe delivered" one (connection lost after the end of data) unless
 * {@link Builder#retryMaybeDelivered(boolean)} says so: the recipient could get the message twice.
 * {@link #greylisting()} waits long enough to pass a typical greylist (6, 12, 24 minutes): use it with an
 * asynchronous send.
 */
public final class RetryPolicy {
    private static final Set<Class<? extends DeliveryOutcome>> TRANSIENT_DEFAULTS = Set.of(
            DeliveryOutcome.ServiceUnavailable.class, DeliveryOutcome.MailboxBusy.class,
            DeliveryOutcome.LocalError.class, DeliveryOutcome.InsufficientStorage.class, ConnectionLost.class);

    private final int maxAttempts;
    private final Backoff backoff;
    private final double jitter;
    private final DoubleSupplier random;
    private final Set<Class<? extends DeliveryOutcome>> retryOn;
    private final boolean retryMaybeDelivered;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.jitter = b.jitter;
        this.random = b.random;
        this.retryOn = Set.copyOf(b.retryOn);
        this.retryMaybeDelivered = b.retryMaybeDelivered;
    }

    /**
     * One attempt, no retry: the mailer's default.
     *
     * @return the policy
     */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /**
     * Short retries for a synchronous caller: 3 attempts, about 1 s then 2 s apart.
     *
     * @return the policy
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /**
     * Waits that outlast a typical greylist (Postgrey's default delay is 5 minutes): 4 attempts, 6, 12 and 24
     * minutes apart. Meant for asynchronous sends; a synchronous send would block that long.
     *
     * @return the policy
     */
    public static RetryPolicy greylisting() {
        return builder().maxAttempts(4)
                .backoff(Backoff.exponential(Duration.ofMinutes(6), 2.0, Duration.ofMinutes(30))).build();
    }

    /**
     * A builder with the {@linkplain #defaults() default} settings.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with this policy's settings.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.backoff = backoff;
        b.jitter = jitter;
        b.random = random;
        b.retryOn = retryOn;
        b.retryMaybeDelivered = retryMaybeDelivered;
        return b;
    }

    /**
     * Decides what to do after an attempt.
     *
     * @param outcome the outcome of the attempt
     * @param attempt which attempt it was, 1 for the first
     * @return retry after a delay, or give up
     */
    public RetryDecision decide(DeliveryOutcome outcome, int attempt) {
        Objects.requireNonNull(outcome, "outcome");
        if (attempt < 1) throw new IllegalArgumentException("attempt must be >= 1: " + attempt);
        if (outcome.disposition() != Disposition.TRANSIENT) {
            return new RetryDecision.GiveUp(outcome.disposition() == Disposition.SUCCESS ? "accepted" : "permanent");
        }
        if (outcome instanceof ConnectionLost lost && lost.isMaybeDelivered() && !retryMaybeDelivered) {
            return new RetryDecision.GiveUp("maybe delivered: a retry could deliver twice");
        }
        if (retryOn.stream().noneMatch(type -> type.isInstance(outcome))) {
            return new RetryDecision.GiveUp(outcome.name() + " is not retried by this policy");
        }
        if (attempt >= maxAttempts) return new RetryDecision.GiveUp(attempt + " attempts made");
        return new RetryDecision.Retry(jittered(backoff.delayBeforeRetry(attempt)));
    }

    /**
     * Attempts in all, including the first.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The waits between attempts.
     *
     * @return the backoff
     */
    public Backoff backoff() {
        return backoff;
    }

    /**
     * Spread of each wait, as a fraction of it.
     *
     * @return 0 to 1
     */
    public double jitter() {
        return jitter;
    }

    /**
     * The transient outcome records this policy retries.
     *
     * @return an unmodifiable set
     */
    public Set<Class<? extends DeliveryOutcome>> retryOn() {
        return retryOn;
    }

    /**
     * Whether a connection lost after the end of data ("maybe delivered") is retried.
     *
     * @return true when such a recipient may get the message twice
     */
    public boolean isRetryMaybeDelivered() {
        return retryMaybeDelivered;
    }

    private Duration jittered(Duration delay) {
        if (jitter == 0) return delay;
        double factor = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", backoff=" + backoff + ", jitter=" + jitter
                + ", retryOn=" + retryOn.stream().map(Class::getSimpleName).sorted().toList()
                + ", retryMaybeDelivered=" + retryMaybeDelivered + "]";
    }

    /** Settings of a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));
        private double jitter = 0.2;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private Set<Class<? extends DeliveryOutcome>> retryOn = TRANSIENT_DEFAULTS;
        private boolean retryMaybeDelivered;

        private Builder() {
        }

        /**
         * Attempts in all, including the first; default 3.
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The waits between attempts; default exponential from 1 s, doubling, capped at 30 s.
         *
         * @param backoff the backoff
         * @return this builder
         */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /**
         * Spread of each wait, as a fraction: 0.2 means up to 20% shorter or longer; default 0.2.
         *
         * @param jitter 0 to 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) throw new IllegalArgumentException("jitter must be within 0-1: " + jitter);
            this.jitter = jitter;
            return this;
        }

        /**
         * The source of randomness for the jitter, uniform in [0, 1); injected so tests are deterministic.
         *
         * @param random the source
         * @return this builder
         */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * The transient outcome records to retry; default {@code ServiceUnavailable}, {@code MailboxBusy},
         * {@code LocalError}, {@code InsufficientStorage} and {@code ConnectionLost}.
         *
         * @param records the records
         * @return this builder
         */
        @SafeVarargs
        public final Builder retryOn(Class<? extends DeliveryOutcome>... records) {
            this.retryOn = Set.copyOf(List.of(records));
            return this;
        }

        /**
         * Whether a connection lost after the end of data is retried: the server may have accepted the message,
         * so the recipient could get it twice. Default false.
         *
         * @param retry whether to retry
         * @return this builder
         */
        public Builder retryMaybeDelivered(boolean retry) {
            this.retryMaybeDelivered = retry;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
