package org.mailoutcome.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A latch that holds scripted replies back until the test releases it, so client timeouts can be tested without
 * sleeping.
 *
 * <pre>{@code
 * Gate gate = new Gate();
 * server.on(Verb.END_OF_DATA).holdUntil(gate);   // the reply to "." waits
 * // ... the client times out ...
 * gate.release();                                // the held reply is sent now
 * }</pre>
 *
 * <p>A gate opens once and stays open: replies that reach it after {@link #release()} pass at once. A reply held at a
 * gate that is never released waits until the server is closed. Safe to use from any thread.
 */
public final class Gate {

    private boolean released;
    private int arrivals;

    /** Creates a closed gate. */
    public Gate() {
        // state is in the fields
    }

    /** Opens the gate: every held reply is sent, and later ones pass at once. Idempotent. */
    public synchronized void release() {
        released = true;
        notifyAll();
    }

    /**
     * Tells whether {@link #release()} was called.
     *
     * @return {@code true} once the gate is open
     */
    public synchronized boolean isReleased() {
        return released;
    }

    /**
     * Counts the replies that have reached this gate so far, held or passed.
     *
     * @return the number of arrivals
     */
    public synchronized int arrivals() {
        return arrivals;
    }

    /**
     * Waits until at least one reply has reached this gate, for example to know that the server is now holding.
     *
     * @param timeout how long to wait
     * @throws AssertionError if no reply arrived within {@code timeout}, or the thread was interrupted
     */
    public synchronized void awaitArrival(Duration timeout) {
        long deadline = System.nanoTime() + Objects.requireNonNull(timeout, "timeout").toNanos();
        try {
            while (arrivals == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no reply reached the gate within " + timeout);
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a reply to reach the gate", e);
        }
    }

    /**
     * Blocks the calling thread until the gate is released. The server calls this; a test normally does not.
     *
     * @throws InterruptedException if the thread is interrupted, as when the server closes
     */
    public synchronized void pass() throws InterruptedException {
        arrivals++;
        notifyAll();
        while (!released) {
            wait();
        }
    }

    @Override
    public synchronized String toString() {
        return "Gate[released=" + released + ", arrivals=" + arrivals + "]";
    }
}
