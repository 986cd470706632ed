package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.ServerCheck;
import org.mailoutcome.jakarta.internal.ConnectionPool.Connection;

/**
 * Checks the server through the pool: {@code NOOP} on an idle connection, or connect (EHLO, STARTTLS, AUTH) once
 * and keep that connection pooled for the next send or check. Each check runs on a daemon thread and its caller
 * waits at most the timeout; while one check is still running (a server that does not answer) later checks wait
 * for that one instead of opening more connections.
 */
public final class ServerChecks {
    private final ConnectionPool pool;
    private final Optional<Credentials> credentials;
    private final AtomicReference<CompletableFuture<ServerCheck>> running = new AtomicReference<>();

    /** Checks over the given pool, connecting with these credentials when a new connection is needed. */
    public ServerChecks(ConnectionPool pool, Optional<Credentials> credentials) {
        this.pool = pool;
        this.credentials = credentials;
    }

    /** One check, bounded by the timeout. */
    public ServerCheck check(Duration timeout) {
        long start = System.nanoTime();
        CompletableFuture<ServerCheck> check = running.updateAndGet(f -> f != null && !f.isDone() ? f : start(timeout));
        try {
            return check.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return lost(Stage.CONNECT, "no answer within " + timeout.toMillis() + " ms", start, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lost(Stage.CONNECT, "interrupted", start, false);
        } catch (ExecutionException e) {
            return lost(Stage.CONNECT, Transcript.describe(e.getCause()), start, false);
        }
    }

    private CompletableFuture<ServerCheck> start(Duration timeout) {
        CompletableFuture<ServerCheck> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(run(timeout));
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "mail-outcome-server-check");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    private ServerCheck run(Duration timeout) {
        long start = System.nanoTime();
        Optional<Connection> borrowed;
        try {
            borrowed = pool.tryBorrow(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lost(Stage.CONNECT, "interrupted while waiting for a connection", start, false);
        } catch (NoSuchProviderException e) {
            throw new IllegalStateException("no SMTP transport: " + e.getMessage(), e);
        }
        if (borrowed.isEmpty()) {
            return lost(Stage.CONNECT, "every connection stayed in use for " + timeout.toMillis() + " ms", start, false);
        }
        Connection connection = borrowed.get();
        ServerCheck result = noop(connection.transport(), start);
        pool.release(connection, result.isUp());
        return result;
    }

    private ServerCheck noop(RecordingTransport transport, long start) {
        boolean reused = transport.isConnectedLocally();
        transport.transcript().clear();
        try {
            if (!reused) TransactionSender.connect(transport, credentials);
            transport.transcript().clear();
            transport.simpleCommand("NOOP");
        } catch (MessagingException | RuntimeException e) {
            if (!reused) {
                DeliveryOutcome failed = ReportBuilder.connectFailure(transport.transcript().exchanges(),
                        Transcript.describe(e));
                return new ServerCheck(failed, since(start), false);
            }
            return lost(Stage.NOOP, Transcript.describe(e), start, true);
        }
        Exchange exchange = transport.transcript().exchanges().get(0);
        DeliveryOutcome outcome = exchange.reply().map(r -> DeliveryOutcome.classify(Stage.NOOP, r))
                .orElseGet(() -> new DeliveryOutcome.ConnectionLost(Stage.NOOP, false,
                        exchange.failure().orElse("no reply")));
        return new ServerCheck(outcome, since(start), reused);
    }

    private static ServerCheck lost(Stage stage, String detail, long start, boolean reused) {
        return new ServerCheck(new DeliveryOutcome.ConnectionLost(stage, false, detail), since(start), reused);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
