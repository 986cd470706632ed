package org.mailoutcome.jakarta;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.internal.Connections;
import org.mailoutcome.jakarta.internal.Envelope;
import org.mailoutcome.jakarta.internal.Resending;
import org.mailoutcome.jakarta.internal.Sending;
import org.mailoutcome.jakarta.internal.MailerSessions;
import org.mailoutcome.jakarta.internal.SingleSend;
import org.mailoutcome.jakarta.tracking.Tracking;
import org.mailoutcome.jakarta.retry.RetryHandOff;
import org.mailoutcome.jakarta.retry.StoredMessage;
import org.mailoutcome.jakarta.retry.TransactionHooks;

/**
 * The drop-in replacement for {@code Transport.send}: sends a message and returns what happened to every
 * recipient, as a {@link DeliveryReport}, instead of throwing.
 *
 * <pre>{@code
 * try (OutcomeMailer mailer = OutcomeMailer.create(session)) {
 *     DeliveryReport report = mailer.send(message);
 *     for (RecipientOutcome r : report.recipients()) {
 *         if (r.outcome() instanceof DeliveryOutcome.NotLocalNoRelay moved) { ... moved.forwardPath() ... }
 *     }
 * }
 * }</pre>
 *
 * <p>{@code send} never throws for anything a server says or does (a rejection, a 421, a lost connection, a
 * timeout): it throws only for programmer errors (a null or non-MIME message, no recipient, no sender).
 * Connections are pooled and reused across sends; the mailer is thread-safe and meant to live as long as the
 * application; {@link #close()} closes its connections. Every recipient gets exactly one final outcome, with
 * Angus's "send partial" semantics: the accepted recipients receive the message even when others are rejected.
 */
public final class OutcomeMailer implements AutoCloseable {
    private final Connections connections;
    private final OutcomeHandler defaultHandler;
    private final Sending sending;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;

    private OutcomeMailer(Builder b) {
        Connections.PoolSettings settings = new Connections.PoolSettings(new MailerSessions.Timeouts(
                b.connectTimeout, b.readTimeout, b.writeTimeout), b.maxConnections, b.maxIdle,
                b.maxMessagesPerConnection, b.credentials, b.pipelining);
        this.connections = new Connections(b.session, settings, b.forwardRouter, b.forwardHeaders);
        this.defaultHandler = b.handler;
        this.ownScheduler = b.scheduler == null;
        this.scheduler = ownScheduler ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-outcome-async");
            t.setDaemon(true);
            return t;
        }) : b.scheduler;
        this.sending = new Sending(connections, b.retryPolicy, b.forwardPolicy, b.sleeper, scheduler, b.tracking,
                b.retryHandOff);
    }

    /**
     * A mailer with default options for the server the session names ({@code mail.smtp.host}, ...).
     *
     * @param session the session; its properties and authenticator are copied, it is never modified
     * @return the mailer
     */
    public static OutcomeMailer create(Session session) {
        return builder(session).build();
    }

    /**
     * A builder for a mailer with options.
     *
     * @param session the session; its properties and authenticator are copied, it is never modified
     * @return the builder
     */
    public static Builder builder(Session session) {
        return new Builder(session);
    }

    /**
     * Sends to the message's recipients (To, Cc, Bcc), like {@code Transport.send(message)}.
     *
     * @param message the message; {@code saveChanges()} is called once, as {@code Transport.send} does
     * @return one outcome per recipient
     * @throws IllegalArgumentException for a message that is not MIME, has no recipient or no sender
     */
    public DeliveryReport send(Message message) {
        return send(message, Envelope.recipients(Objects.requireNonNull(message, "message")), defaultHandler);
    }

    /**
     * Sends to the given envelope recipients, like {@code Transport.send(message, addresses)}.
     *
     * @param message the message
     * @param recipients the envelope recipients; the message's headers are not consulted
     * @return one outcome per recipient
     * @throws IllegalArgumentException for a message that is not MIME, no recipient or no sender
     */
    public DeliveryReport send(Message message, Address[] recipients) {
        return send(Objects.requireNonNull(message, "message"), Envelope.recipients(recipients), defaultHandler);
    }

    /**
     * Sends to the message's recipients and calls the handler for each of them.
     *
     * @param message the message
     * @param handler called once per recipient on this thread, in envelope order
     * @return one outcome per recipient
     */
    public DeliveryReport send(Message message, OutcomeHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return send(message, Envelope.recipients(Objects.requireNonNull(message, "message")), handler);
    }

    /**
     * Sends without blocking the caller, with the builder's handler; see {@link #sendAsync(Message, OutcomeHandler)}.
     *
     * @param message the message
     * @return the report, when every recipient has its final outcome
     * @throws IllegalArgumentException at once, for a message that is not MIME, has no recipient or no sender
     */
    public CompletableFuture<DeliveryReport> sendAsync(Message message) {
        return sendAsync(message, defaultHandler);
    }

    /**
     * Sends without blocking the caller: retries wait on the scheduler instead of a sleeping thread, so a
     * {@link RetryPolicy#greylisting()} policy's minutes-long waits cost no thread. The handler is called on the
     * scheduler's thread when the final outcomes are known.
     *
     * @param message the message
     * @param handler called once per recipient, in envelope order
     * @return the report, when every recipient has its final outcome
     * @throws IllegalArgumentException at once, for a message that is not MIME, has no recipient or no sender
     */
    public CompletableFuture<DeliveryReport> sendAsync(Message message, OutcomeHandler handler) {
        Objects.requireNonNull(handler, "handler");
        List<InternetAddress> envelope = Envelope.recipients(Objects.requireNonNull(message, "message"));
        return sending.async(Envelope.prepare(message, connections.session()), envelope, handler);
    }

    private DeliveryReport send(Message message, List<InternetAddress> envelope, OutcomeHandler handler) {
        return sending.sync(Envelope.prepare(message, connections.session()), envelope, handler);
    }

    /**
     * The pool of connections to the mailer's own server, read-only: its figures, and a bounded server check.
     *
     * @return the pool's view
     */
    public MailerPool pool() {
        return connections.pool();
    }

    /**
     * Sends a stored message again, byte for byte, in one transaction with the hooks around it (a durable retry
     * worker's call); no retry, forward or handler.
     * @param message the message as first sent
     * @param to the recipients of this transaction
     * @param hooks called before the transaction, before the end of data and after the replies
     * @return one outcome per recipient
     * @throws IllegalStateException when {@link TransactionHooks#afterReplies} throws
     */
    public DeliveryReport resend(StoredMessage message, List<InternetAddress> to, TransactionHooks hooks) {
        return Resending.resend(connections, message, to, Objects.requireNonNull(hooks, "hooks"));
    }

    /**
     * Closes every pooled connection (QUIT) and stops the scheduler of asynchronous sends if the mailer made it.
     * Sends in progress finish; later sends throw.
     */
    @Override
    public void close() {
        connections.close();
        if (ownScheduler) scheduler.shutdownNow();
    }

    /** Options of an {@link OutcomeMailer}. Setters check their own argument; {@link #build()} the rest. */
    public static final class Builder {
        private final Session session;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration writeTimeout;
        private int maxConnections = 4;
        private Duration maxIdle = Duration.ofSeconds(30);
        private int maxMessagesPerConnection = 1000;
        private Optional<SingleSend.Credentials> credentials = Optional.empty();
        private OutcomeHandler handler = OutcomeHandler.NONE;
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private ForwardPolicy forwardPolicy = ForwardPolicy.disabled();
        private ForwardHeaders forwardHeaders = ForwardHeaders.UNCHANGED;
        private ForwardRouter forwardRouter = ForwardRouter.SAME_SERVER;
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
        private ScheduledExecutorService scheduler;
        private Optional<Tracking> tracking = Optional.empty();
        private Optional<RetryHandOff> retryHandOff = Optional.empty();
        private boolean pipelining = true;

        private Builder(Session session) {
            this.session = Objects.requireNonNull(session, "session");
        }

        /**
         * Connect timeout; default: the session's {@code mail.smtp.connectiontimeout}, else 30 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * Longest wait for one reply; default: the session's {@code mail.smtp.timeout}, else 60 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive("readTimeout", timeout);
            return this;
        }

        /**
         * Longest blocked write; default: the session's {@code mail.smtp.writetimeout}, else 60 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder writeTimeout(Duration timeout) {
            this.writeTimeout = positive("writeTimeout", timeout);
            return this;
        }

        /**
         * Most connections open at once (sends beyond wait); default 4.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxConnections(int max) {
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
        public Builder maxIdle(Duration maxIdle) {
            this.maxIdle = positive("maxIdle", maxIdle);
            return this;
        }

        /**
         * Messages after which a connection is closed and replaced; default 1000.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxMessagesPerConnection(int max) {
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
        public Builder credentials(String user, String password) {
            this.credentials = Optional.of(new SingleSend.Credentials(Objects.requireNonNull(user, "user"),
                    Objects.requireNonNull(password, "password")));
            return this;
        }

        /**
         * The handler used by the sends that name none; default {@link OutcomeHandler#NONE}.
         *
         * @param handler the handler
         * @return this builder
         */
        public Builder handler(OutcomeHandler handler) {
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
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether a 551's forward path is followed; default {@link ForwardPolicy#disabled()}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder forwardPolicy(ForwardPolicy policy) {
            this.forwardPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Whether a forwarded copy gets Resent-* headers; default {@link ForwardHeaders#UNCHANGED}.
         *
         * @param headers the choice
         * @return this builder
         */
        public Builder forwardHeaders(ForwardHeaders headers) {
            this.forwardHeaders = Objects.requireNonNull(headers, "headers");
            return this;
        }

        /**
         * Through which server a followed forward path is delivered; default the mailer's own.
         *
         * @param router the router
         * @return this builder
         */
        public Builder forwardRouter(ForwardRouter router) {
            this.forwardRouter = Objects.requireNonNull(router, "router");
            return this;
        }

        /**
         * How a synchronous send waits between retries; default {@link Sleeper#THREAD_SLEEP}.
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
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
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Follows each send past acceptance: correlation keys (ENVID, VERP) on every send and a record of it in the
         * tracking's {@link org.mailoutcome.jakarta.tracking.DeliveryStore}; default off.
         *
         * @param tracking the tracking, e.g. {@link Tracking#defaults()}
         * @return this builder
         */
        public Builder tracking(Tracking tracking) {
            this.tracking = Optional.of(Objects.requireNonNull(tracking, "tracking"));
            return this;
        }

        /**
         * Hands the recipients to retry to a durable store (e.g. {@code mail-outcome-jdbc}) instead of waiting; the
         * report's {@link DeliveryReport#scheduledRetry()} says when the retry is due. Default: none, the mailer waits.
         * @param handOff the hand-off
         * @return this builder
         */
        public Builder retryHandOff(RetryHandOff handOff) {
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
        public Builder pipelining(boolean pipelining) {
            this.pipelining = pipelining;
            return this;
        }

        /**
         * Builds the mailer.
         *
         * @return the mailer
         */
        public OutcomeMailer build() {
            return new OutcomeMailer(this);
        }

        private static Duration positive(String name, Duration d) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
            return d;
        }
    }
}
