package org.mailoutcome.benchmarks;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** The checked result of every send of one client run: a benchmark that fails silently is worthless. */
public final class Tally {
    private static final int SAMPLES = 3;

    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Queue<String> samples = new ConcurrentLinkedQueue<>();

    /** A send whose every recipient was accepted. */
    public void accepted() {
        accepted.incrementAndGet();
    }

    /**
     * A send that threw or was not fully accepted.
     *
     * @param what what went wrong; the first few are kept
     */
    public void failed(String what) {
        if (failed.incrementAndGet() <= SAMPLES) samples.add(what);
    }

    /**
     * The number of fully accepted sends.
     *
     * @return the count
     */
    public int acceptedCount() {
        return accepted.get();
    }

    /**
     * The number of failed sends.
     *
     * @return the count
     */
    public int failedCount() {
        return failed.get();
    }

    /**
     * The first few failures, as described.
     *
     * @return at most three descriptions
     */
    public List<String> samples() {
        return List.copyOf(samples);
    }
}
