package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.ForwardHeaders;
import org.mailoutcome.jakarta.ForwardRouter;
import org.mailoutcome.jakarta.PoolStats;
import org.mailoutcome.jakarta.MailerPool;

/**
 * The mailer's connection pools: one for its own server, one more per server a {@link ForwardRouter} names; and
 * the transactions of a send over them.
 */
public final class TransactionRouter implements AutoCloseable {
    /** Pool settings shared by every server. */
    public record PoolSettings(MailerSessions.Timeouts timeouts, int maxConnections, Duration maxIdle,
            int maxMessages, Optional<Credentials> credentials, boolean pipelining) {
    }

    private final PoolSettings settings;
    private final TransactionSender own;
    private final ConnectionPool ownPool;
    private final Session ownSession;
    private final ForwardRouter router;
    private final ForwardHeaders forwardHeaders;
    private final Map<Session, Routed> routed = new ConcurrentHashMap<>();
    private final ServerChecks checks;

    private record Routed(ConnectionPool pool, TransactionSender sender) {
    }

    /** Pools for the caller's session. */
    public TransactionRouter(Session callers, PoolSettings settings, ForwardRouter router, ForwardHeaders headers) {
        this.settings = settings;
        this.ownSession = MailerSessions.create(callers, settings.timeouts(), settings.pipelining());
        this.ownPool = pool(ownSession);
        this.own = new TransactionSender(ownPool, settings.credentials());
        this.checks = new ServerChecks(ownPool, settings.credentials());
        this.router = router;
        this.forwardHeaders = headers;
    }

    /** The session the mailer's own connections use. */
    public Session session() {
        return ownSession;
    }

    /** The read-only view of the own server's pool. */
    public MailerPool pool() {
        return new MailerPool(() -> new PoolStats(ownPool.maxConnections(), ownPool.leased(), ownPool.idle()),
                checks::check);
    }

    /** The transactions of one send; a tracked one's carry its envelope sender and DSN parameters. */
    public DeliveryRun.Transactions transactionsFor(MimeMessage message, Optional<String> messageId,
            Optional<MailParameters> parameters) {
        return (to, forward) -> {
            if (!forward) return own.send(message, to, messageId, parameters);
            MimeMessage sent = forwardHeaders == ForwardHeaders.RESENT ? resent(message, to) : message;
            return senderFor(to.get(0).getAddress()).send(sent, to, messageId, parameters);
        };
    }

    /** One transaction of a re-send on the mailer's own server, with a step before the end of data. */
    public DeliveryReport resend(MimeMessage message, List<InternetAddress> to, Optional<String> messageId,
            RecordingTransport.EndOfData beforeEndOfData) {
        return own.send(message, to, messageId, Optional.empty(), beforeEndOfData);
    }

    private TransactionSender senderFor(String forwardAddress) {
        Optional<Session> route = router.route(forwardAddress);
        if (route.isEmpty()) return own;
        return routed.computeIfAbsent(route.get(), s -> {
            ConnectionPool pool = pool(MailerSessions.create(s, settings.timeouts(), settings.pipelining()));
            return new Routed(pool, new TransactionSender(pool, Optional.empty()));
        }).sender();
    }

    private ConnectionPool pool(Session session) {
        return new ConnectionPool(session, settings.maxConnections(), settings.maxIdle(), settings.maxMessages(),
                System::nanoTime);
    }

    /** A copy with RFC 5322 resent fields; Message-ID, headers and body unchanged. */
    private static MimeMessage resent(MimeMessage message, List<InternetAddress> to) {
        try {
            MimeMessage copy = new MimeMessage(message) {
                @Override
                protected void updateMessageID() {
                    // keep the original Message-ID
                }
            };
            copy.setHeader("Resent-Date", new MailDateFormat().format(new Date()));
            InternetAddress[] from = (InternetAddress[]) message.getFrom();
            if (from != null && from.length > 0) copy.setHeader("Resent-From", from[0].toString());
            copy.setHeader("Resent-To", to.stream().map(InternetAddress::toString).collect(Collectors.joining(", ")));
            String id = message.getMessageID();
            if (id != null) copy.setHeader("Resent-Message-ID", "<resent." + System.nanoTime() + "." + id.replaceAll("[<>]", "") + ">");
            return copy;
        } catch (MessagingException | ClassCastException e) {
            throw new IllegalStateException("cannot add resent headers: " + e.getMessage(), e);
        }
    }

    /** Closes every pool. */
    @Override
    public void close() {
        ownPool.close();
        routed.values().forEach(r -> r.pool().close());
    }
}
