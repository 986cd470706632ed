package org.mailoutcome.testkit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.SmtpSession;

/**
 * Sessions, messages and connection counts of one server; one lock, waited on by the await methods.
 *
 * <p>{@link #clear()} is a fence: it starts a new generation, and a message whose transaction began in an earlier one
 * (a reply held past the end of a test, say) is dropped when it completes, so it never shows up after the clear.
 */
public final class Recordings {

    private final List<SessionLog> sessions = new ArrayList<>();
    private final List<ReceivedMessage> messages = new ArrayList<>();
    private int open;
    private int accepted;
    private long generation;

    /**
     * Counts a new connection and starts its log.
     *
     * @return the log
     */
    public synchronized SessionLog connectionOpened() {
        accepted++;
        open++;
        SessionLog log = new SessionLog(accepted);
        sessions.add(log);
        notifyAll();
        return log;
    }

    /** Counts a connection as closed. */
    public synchronized void connectionClosed() {
        open--;
        notifyAll();
    }

    /**
     * The current generation, to be given back to {@link #add(ReceivedMessage, long)}.
     *
     * @return the number of clears so far
     */
    synchronized long generation() {
        return generation;
    }

    /**
     * Records a message, unless a clear came after its transaction began.
     *
     * @param message the message
     * @param begunIn the {@linkplain #generation() generation} its transaction began in
     * @return whether it was recorded
     */
    synchronized boolean add(ReceivedMessage message, long begunIn) {
        if (begunIn != generation) {
            return false;
        }
        messages.add(message);
        notifyAll();
        return true;
    }

    /**
     * Snapshots of the sessions.
     *
     * @return the sessions in the order they were accepted
     */
    public synchronized List<SmtpSession> sessions() {
        List<SmtpSession> snapshots = new ArrayList<>(sessions.size());
        for (SessionLog log : sessions) {
            snapshots.add(log.snapshot());
        }
        return List.copyOf(snapshots);
    }

    /**
     * The messages.
     *
     * @return the messages in the order they were recorded
     */
    public synchronized List<ReceivedMessage> messages() {
        return List.copyOf(messages);
    }

    /**
     * The connections open now.
     *
     * @return the count
     */
    public synchronized int openConnections() {
        return open;
    }

    /**
     * The connections accepted since start or the last {@link #clear()}.
     *
     * @return the count
     */
    public synchronized int connectionsAccepted() {
        return accepted;
    }

    /**
     * Waits until at least {@code count} messages are recorded.
     *
     * @param count the number of messages
     * @param timeout how long to wait
     * @return the messages
     */
    public synchronized List<ReceivedMessage> awaitMessages(int count, Duration timeout) {
        await(() -> messages.size() >= count, timeout,
                () -> "expected at least " + count + " messages within " + timeout + " but got " + messages);
        return List.copyOf(messages);
    }

    /**
     * Waits until exactly {@code count} connections are open.
     *
     * @param count the number of connections
     * @param timeout how long to wait
     */
    public synchronized void awaitOpenConnections(int count, Duration timeout) {
        await(() -> open == count, timeout,
                () -> "expected " + count + " open connections within " + timeout + " but " + open + " are open");
    }

    private void await(BooleanSupplier done, Duration timeout, Supplier<String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(failure.get());
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    /**
     * Forgets sessions, messages and the accepted count, and fences off every transaction begun before: open
     * connections stay counted.
     */
    public synchronized void clear() {
        generation++;
        sessions.clear();
        messages.clear();
        accepted = 0;
    }
}
