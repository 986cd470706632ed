package org.mailoutcome.benchmarks;

/** One way of sending that the harness measures; every send's result is checked into a {@link Tally}. */
interface SendClient extends AutoCloseable {

    /**
     * The short label used in the ratios: {@code a}, {@code b}, ...
     *
     * @return the label
     */
    String label();

    /**
     * What the client is, for the table.
     *
     * @return a description
     */
    String name();

    /**
     * Sends {@code n} messages and returns when all are done.
     *
     * @param n the number of messages
     * @param tally where each result goes
     * @throws InterruptedException if interrupted while waiting for worker threads
     */
    void send(int n, Tally tally) throws InterruptedException;

    /**
     * The CPU time so far of the JVM this client runs in, all its threads: this one unless it is a
     * {@link RemoteClient}.
     *
     * @return nanoseconds
     */
    default long cpuNanos() {
        return CpuMeter.processCpuNanos();
    }

    /**
     * The time the JIT compilers of the JVM this client runs in have spent so far.
     *
     * @return milliseconds
     */
    default long jitMillis() {
        return CpuMeter.jitMillis();
    }

    /** Closes connections and threads. */
    @Override
    void close();
}
