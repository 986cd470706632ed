package org.mailoutcome.jakarta;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.internal.TransactionRouter;
import org.mailoutcome.jakarta.internal.Envelope;
import org.mailoutcome.jakarta.internal.MailerAccess;
import org.mailoutcome.jakarta.internal.DeliveryRunner;
import org.mailoutcome.jakarta.internal.MailerSessions;

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
    static {
        MailerAccess.register(mailer -> mailer.router);
    }

    private final TransactionRouter router;
    private final OutcomeHandler defaultHandler;
    private final DeliveryRunner runner;
    private final ScheduledExecutorService scheduler;
    private final boolean ownScheduler;

    OutcomeMailer(OutcomeMailerBuilder b) {
        TransactionRouter.PoolSettings settings = new TransactionRouter.PoolSettings(new MailerSessions.Timeouts(
                b.connectTimeout, b.readTimeout, b.writeTimeout), b.maxConnections, b.maxIdle,
                b.maxMessagesPerConnection, b.credentials, b.pipelining);
        this.router = new TransactionRouter(b.session, settings, b.forwardRouter, b.forwardHeaders);
        this.defaultHandler = b.handler;
        this.ownScheduler = b.scheduler == null;
        this.scheduler = ownScheduler ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-outcome-async");
            t.setDaemon(true);
            return t;
        }) : b.scheduler;
        this.runner = new DeliveryRunner(router, b.retryPolicy, b.forwardPolicy, b.sleeper, scheduler, b.tracking,
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
    public static OutcomeMailerBuilder builder(Session session) {
        return new OutcomeMailerBuilder(session);
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
        return runner.async(Envelope.prepare(message, router.session()), envelope, handler);
    }

    private DeliveryReport send(Message message, List<InternetAddress> envelope, OutcomeHandler handler) {
        return runner.sync(Envelope.prepare(message, router.session()), envelope, handler);
    }

    /**
     * The pool of connections to the mailer's own server, read-only: its figures, and a bounded server check.
     *
     * @return the pool's view
     */
    public MailerPool pool() {
        return router.pool();
    }

    /**
     * Closes every pooled connection (QUIT) and stops the scheduler of asynchronous sends if the mailer made it.
     * Sends in progress finish; later sends throw.
     */
    @Override
    public void close() {
        router.close();
        if (ownScheduler) scheduler.shutdownNow();
    }
}
