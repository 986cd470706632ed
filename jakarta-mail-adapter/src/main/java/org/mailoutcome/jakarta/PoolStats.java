package org.mailoutcome.jakarta;

/**
 * A read-only snapshot of an {@link OutcomeMailer}'s connection pool to its own server, for metrics: read with
 * {@link MailerPool#stats()}. The figures are read one after the other without a lock, so under load they
 * need not add up exactly.
 *
 * @param maxConnections the most connections open at once ({@code maxConnections} of the builder)
 * @param leased connections lent to a send (or a server check) now
 * @param idle connected connections waiting in the pool now
 */
public record PoolStats(int maxConnections, int leased, int idle) {

    /**
     * Checks the components.
     *
     * @param maxConnections at least 1
     * @param leased at least 0
     * @param idle at least 0
     */
    public PoolStats {
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be >= 1: " + maxConnections);
        if (leased < 0) throw new IllegalArgumentException("leased must be >= 0: " + leased);
        if (idle < 0) throw new IllegalArgumentException("idle must be >= 0: " + idle);
    }
}
