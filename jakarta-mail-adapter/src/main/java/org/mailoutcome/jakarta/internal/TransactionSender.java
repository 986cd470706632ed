package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.internal.ConnectionPool.Connection;

/**
 * One SMTP transaction for one message on a pooled connection: connect if needed, send, read the transcript,
 * and decide whether the connection may be reused. A reused connection that the server had already dropped
 * (nothing was accepted yet) is replaced once, transparently.
 */
public final class TransactionSender {
    private final ConnectionPool pool;
    private final Optional<Credentials> credentials;

    /** A sender over the given pool. */
    public TransactionSender(ConnectionPool pool, Optional<Credentials> credentials) {
        this.pool = pool;
        this.credentials = credentials;
    }

    /** Sends the message to the envelope; every recipient gets one outcome. */
    public DeliveryReport send(MimeMessage message, List<InternetAddress> envelope, Optional<String> messageId) {
        return send(message, envelope, messageId, Optional.empty(), RecordingTransport.EndOfData.NONE);
    }

    /** Sends with a tracked send's envelope sender and DSN parameters. */
    public DeliveryReport send(MimeMessage message, List<InternetAddress> envelope, Optional<String> messageId,
            Optional<MailParameters> parameters) {
        return send(message, envelope, messageId, parameters, RecordingTransport.EndOfData.NONE);
    }

    /** Sends with the parameters, running the hook before the final {@code "."}; every recipient gets one outcome. */
    public DeliveryReport send(MimeMessage message, List<InternetAddress> envelope, Optional<String> messageId,
            Optional<MailParameters> parameters, RecordingTransport.EndOfData beforeEndOfData) {
        for (int tries = 0; ; tries++) {
            Connection connection;
            try {
                connection = pool.borrow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lost(envelope, "interrupted while waiting for a connection", messageId);
            } catch (NoSuchProviderException e) {
                throw new IllegalStateException("no SMTP transport: " + e.getMessage(), e);
            }
            boolean reused = connection.isReused();
            connection.transport().beforeEndOfData(beforeEndOfData);
            connection.transport().parameters(parameters.orElse(null));
            Result result;
            try {
                result = sendOn(connection, message, envelope, messageId);
            } finally {
                connection.transport().beforeEndOfData(RecordingTransport.EndOfData.NONE);
                connection.transport().parameters(null);
            }
            pool.release(connection, result.healthy);
            if (!(result.stale && reused && tries == 0)) return result.report;
        }
    }

    private record Result(DeliveryReport report, boolean healthy, boolean stale) {
    }

    private Result sendOn(Connection connection, MimeMessage message, List<InternetAddress> envelope,
            Optional<String> messageId) {
        RecordingTransport transport = connection.transport();
        transport.transcript().clear();
        if (!transport.isConnectedLocally()) {
            try {
                connect(transport, credentials);
            } catch (MessagingException | RuntimeException e) {
                DeliveryReport report = ReportBuilder.connectFailed(envelope, transport.transcript().exchanges(),
                        Transcript.describe(e), messageId);
                return new Result(report, false, false);
            }
            transport.transcript().clear();
        }
        String failure = "";
        Throwable thrown = null;
        try {
            transport.sendMessage(message, envelope.toArray(new InternetAddress[0]));
        } catch (MessagingException | RuntimeException e) {
            failure = Transcript.describe(e);
            thrown = e;
        }
        List<Exchange> exchanges = transport.transcript().exchanges();
        DeliveryReport report = ReportBuilder.report(envelope, exchanges, failure, messageId);
        return new Result(report, transport.isClean() && isHealthy(exchanges, thrown), isStale(exchanges));
    }

    /** Connects with the builder's credentials, else as the session says (its authenticator). */
    static void connect(RecordingTransport transport, Optional<Credentials> credentials) throws MessagingException {
        if (credentials.isPresent()) transport.connect(credentials.get().user(), credentials.get().password());
        else transport.connect();
    }

    /** Reusable: every command got a parseable reply, no 421, and nothing was thrown that breaks the session. */
    private static boolean isHealthy(List<Exchange> exchanges, Throwable thrown) {
        for (Exchange e : exchanges) {
            if (e.hasNoUsableReply()) return false;
            Optional<SmtpReply> reply = e.parsed();
            if (reply.isEmpty() || reply.get().code() == 421) return false;
        }
        if (thrown == null) return true;
        boolean smtpRefusal = thrown instanceof jakarta.mail.SendFailedException;
        return smtpRefusal && !(((MessagingException) thrown).getNextException() instanceof IOException);
    }

    /** The server had dropped an idle connection: MAIL FROM could not be sent or got no reply. */
    private static boolean isStale(List<Exchange> exchanges) {
        return exchanges.isEmpty() || exchanges.get(0).stage() == Stage.MAIL && exchanges.get(0).hasNoUsableReply();
    }

    private static DeliveryReport lost(List<InternetAddress> envelope, String why, Optional<String> messageId) {
        return ReportBuilder.connectFailed(envelope, List.of(), why, messageId);
    }
}
