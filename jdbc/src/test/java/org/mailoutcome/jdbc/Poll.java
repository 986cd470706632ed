package org.mailoutcome.jdbc;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Waits for a condition with a deadline, checking it every 20 ms; fails with the description at the deadline. */
final class Poll {
    private Poll() {
    }

    static void until(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within " + timeout + ": " + what);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}
