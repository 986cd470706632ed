package org.mailoutcome.jakarta;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.internal.Credentials;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.jakarta.retry.RetryHandOff;

/** Options of an {@link OutcomeMailer}. Setters check their own argument; {@link #build()} the rest. */
public final class OutcomeMailerBuilder {
    final Session session;
    Duration connectTimeout;
    Duration readTimeout;
    Duration writeTimeout;
    int maxConnections = 4;
    Duration maxIdle = Duration.ofSeconds(30);
    int maxMessagesPerConnection = 1000;
    Optional<Credentials> credentials = Optional.empty();
    OutcomeHandler handler = OutcomeHandler.NONE;
    RetryPolicy retryPolicy = RetryPolicy.none();
    ForwardPolicy forwardPolicy = ForwardPolicy.disabled();
    ForwardHeaders forwardHeaders = ForwardHeaders.UNCHANGED;
    ForwardRouter forwardRouter = ForwardRouter.SAME_SERVER;
    Sleeper sleeper = Sleeper.THREAD_SLEEP;
    ScheduledExecutorService scheduler;
    Optional<Tracking> tracking = Optional.empty();
    Optional<RetryHandOff> retryHandOff = Optional.empty();
    boolean pipelining = true;

    OutcomeMailerBuilder(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Connect timeout; default: the session's {@code mail.smtp.connectiontimeout}, else 30 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public OutcomeMailerBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive("connectTimeout", timeout);
        return this;
    }

    /**
     * Longest wait for one reply; default: the session's {@code mail.smtp.timeout}, else 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public OutcomeMailerBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive("readTimeout", timeout);
        return this;
    }

    /**
     * Longest blocked write; default: the session's {@code mail.smtp.writetimeout}, else 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public OutcomeMailerBuilder writeTimeout(Duration timeout) {
        this.writeTimeout = positive("writeTimeout", timeout);
        return this;
    }

    /**
     * Most connections open at once (sends beyond wait); default 4.
     *
     * @param max at least 1
     * @return this builder
     */
    public OutcomeMailerBuilder maxConnections(int max) {
        if (max < 1) throw new IllegalArgumentException("maxConnections must be >= 1: " + max);
        this.maxConnections = max;
        return this;
    }

    /**
     * How long an unused connection is kept; default 30 s (servers drop idle clients after 1-5 minutes).
     *
     * @param maxIdle a positive duration
     * @return this builder
     */
    public OutcomeMailerBuilder maxIdle(Duration maxIdle) {
        this.maxIdle = positive("maxIdle", maxIdle);
        return this;
    }

    /**
     * Messages after which a connection is closed and replaced; default 1000.
     *
     * @param max at least 1
     * @return this builder
     */
    public OutcomeMailerBuilder maxMessagesPerConnection(int max) {
        if (max < 1) throw new IllegalArgumentException("maxMessagesPerConnection must be >= 1: " + max);
        this.maxMessagesPerConnection = max;
        return this;
    }

    /**
     * Credentials for SMTP AUTH; without them the session's authenticator is asked when
     * {@code mail.smtp.auth} is true. The password is never logged or reported.
     *
     * @param user the user name
     * @param password the password
     * @return this builder
     */
    public OutcomeMailerBuilder credentials(String user, String password) {
        this.credentials = Optional.of(new Credentials(Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(password, "password")));
        return this;
    }

    /**
     * The handler used by the sends that name none; default {@link OutcomeHandler#NONE}.
     *
     * @param handler the handler
     * @return this builder
     */
    public OutcomeMailerBuilder handler(OutcomeHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Which transient failures are tried again and when; default {@link RetryPolicy#none()}: one attempt.
     * Only the recipients that were deferred are retried: an accepted recipient never gets a second copy.
     *
     * @param policy the policy
     * @return this builder
     */
    public OutcomeMailerBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Whether a 551's forward path is followed; default {@link ForwardPolicy#disabled()}.
     *
     * @param policy the policy
     * @return this builder
     */
    public OutcomeMailerBuilder forwardPolicy(ForwardPolicy policy) {
        this.forwardPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Whether a forwarded copy gets Resent-* headers; default {@link ForwardHeaders#UNCHANGED}.
     *
     * @param headers the choice
     * @return this builder
     */
    public OutcomeMailerBuilder forwardHeaders(ForwardHeaders headers) {
        this.forwardHeaders = Objects.requireNonNull(headers, "headers");
        return this;
    }

    /**
     * Through which server a followed forward path is delivered; default the mailer's own.
     *
     * @param router the router
     * @return this builder
     */
    public OutcomeMailerBuilder forwardRouter(ForwardRouter router) {
        this.forwardRouter = Objects.requireNonNull(router, "router");
        return this;
    }

    /**
     * How a synchronous send waits between retries; default {@link Sleeper#THREAD_SLEEP}.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public OutcomeMailerBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /**
     * The scheduler of asynchronous sends and their retries; default a daemon thread of the mailer's own,
     * stopped by {@link OutcomeMailer#close()}. A scheduler given here is not shut down by the mailer.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public OutcomeMailerBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * Follows each send past acceptance: correlation keys (ENVID, VERP) on every send and a record of it in the
     * tracking's {@link org.mailoutcome.tracking.DeliveryStore}; default off.
     *
     * @param tracking the tracking, e.g. {@link Tracking#inMemory()}
     * @return this builder
     */
    public OutcomeMailerBuilder tracking(Tracking tracking) {
        this.tracking = Optional.of(Objects.requireNonNull(tracking, "tracking"));
        return this;
    }

    /**
     * Hands the recipients to retry to a durable store (e.g. {@code mail-outcome-jdbc}) instead of waiting; the
     * report's {@link DeliveryReport#scheduledRetry()} says when the retry is due. Default: none, the mailer waits.
     * @param handOff the hand-off
     * @return this builder
     */
    public OutcomeMailerBuilder retryHandOff(RetryHandOff handOff) {
        this.retryHandOff = Optional.of(Objects.requireNonNull(handOff, "handOff"));
        return this;
    }

    /**
     * Whether to pipeline (RFC 2920) when the server advertises {@code PIPELINING}: {@code MAIL FROM}, every
     * {@code RCPT TO} and {@code DATA} in one round trip instead of one each; default {@code true}. The outcomes
     * are the same either way.
     *
     * @param pipelining whether to pipeline
     * @return this builder
     */
    public OutcomeMailerBuilder pipelining(boolean pipelining) {
        this.pipelining = pipelining;
        return this;
    }

    /**
     * Builds the mailer, after checking that the settings can work together.
     *
     * @return the mailer
     * @throws IllegalStateException when a setting would be silently ignored: a {@link #retryHandOff retry
     *     hand-off} with a {@link #retryPolicy retry policy} of a single attempt (nothing would ever be handed off)
     */
    public OutcomeMailer build() {
        if (retryHandOff.isPresent() && retryPolicy.maxAttempts() == 1) {
            throw new IllegalStateException("retryHandOff is set but retryPolicy allows a single attempt, so nothing"
                    + " would ever be handed off: give a retryPolicy with maxAttempts > 1 (" + retryPolicy + ")");
        }
        return new OutcomeMailer(this);
    }

    private static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
        return d;
    }
}
