package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.ProbeMethod;
import org.mailoutcome.jakarta.ProbeResult;
import org.mailoutcome.jakarta.internal.ConnectionPool.Connection;

/**
 * The verifier's connections: borrows one per probe run, connects it when new, runs the {@link Prober}, and gives
 * it back for reuse only if nothing broke. A pooled connection the server had dropped while idle (the first
 * command got no reply or a 421) is replaced once, transparently.
 */
public final class ProberPool implements AutoCloseable {
    /** A connection is replaced after this many probe runs, so no server session grows without end. */
    static final int RUNS_PER_CONNECTION = 100;

    private final ConnectionPool pool;
    private final Optional<Credentials> credentials;
    private final ProbeMethod method;
    private final String mailFrom;

    /** What the verifier's builder decided; {@code mailFrom} is empty for the null reverse-path. */
    public record Settings(ProbeMethod method, String mailFrom, MailerSessions.Timeouts timeouts,
            Optional<Credentials> credentials, int maxConnections, Duration maxIdle) {
    }

    /** Connections to the server the caller's session names. */
    public ProberPool(Session callers, Settings settings) {
        Session session = MailerSessions.create(callers, settings.timeouts());
        this.pool = new ConnectionPool(session, settings.maxConnections(), settings.maxIdle(), RUNS_PER_CONNECTION,
                System::nanoTime);
        this.credentials = settings.credentials();
        this.method = settings.method();
        this.mailFrom = settings.mailFrom();
    }

    /** Probes the (already checked) addresses on one connection; one result each, in order. */
    public List<ProbeResult> probe(List<String> addresses) {
        for (int tries = 0; ; tries++) {
            Connection connection;
            try {
                connection = pool.borrow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return uniform(addresses, new ConnectionLost(Stage.CONNECT, false,
                        "interrupted while waiting for a connection"));
            } catch (NoSuchProviderException e) {
                throw new IllegalStateException("no SMTP transport: " + e.getMessage(), e);
            }
            boolean reused = connection.isReused();
            Run run = probeOn(connection.transport(), addresses);
            pool.release(connection, run.reusable());
            if (!(run.deadOnArrival() && reused && tries == 0)) return run.results();
        }
    }

    private record Run(List<ProbeResult> results, boolean reusable, boolean deadOnArrival) {
    }

    private Run probeOn(RecordingTransport transport, List<String> addresses) {
        if (!transport.isConnectedLocally()) {
            Optional<DeliveryOutcome> failed = connect(transport);
            if (failed.isPresent()) return new Run(uniform(addresses, failed.get()), false, false);
        }
        ProbeDialogue dialogue = new ProbeDialogue(transport);
        List<ProbeResult> results = Prober.run(dialogue, method, mailFrom, addresses);
        return new Run(results, dialogue.isReusable(), dialogue.isDeadOnArrival());
    }

    /** Connects; on failure, the outcome of the step that failed (greeting, EHLO, STARTTLS, AUTH) or the I/O error. */
    private Optional<DeliveryOutcome> connect(RecordingTransport transport) {
        transport.transcript().clear();
        try {
            if (credentials.isPresent()) transport.connect(credentials.get().user(), credentials.get().password());
            else transport.connect();
            return Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            List<Exchange> exchanges = transport.transcript().exchanges();
            if (!exchanges.isEmpty()) {
                Exchange last = exchanges.get(exchanges.size() - 1);
                DeliveryOutcome outcome = ProbeDialogue.outcomeOf(last.stage(), List.of(last), Transcript.describe(e));
                if (!(outcome instanceof DeliveryOutcome.Success)) return Optional.of(outcome);
            }
            return Optional.of(new ConnectionLost(Stage.CONNECT, false, Transcript.describe(e)));
        }
    }

    /** Every address gets the same outcome, attributed to the probe that would have asked first. */
    private List<ProbeResult> uniform(List<String> addresses, DeliveryOutcome outcome) {
        ProbeMethod first = method == ProbeMethod.RCPT ? ProbeMethod.RCPT : ProbeMethod.VRFY;
        return addresses.stream().map(a -> new ProbeResult(a, outcome, first)).toList();
    }

    /** Closes every idle connection; connections in use close when their run ends. */
    @Override
    public void close() {
        pool.close();
    }
}
