package org.mailoutcome.jakarta;

import java.time.Duration;

/** How a synchronous send waits between retries; injected so tests do not wait for real. */
@FunctionalInterface
public interface Sleeper {
    /** Real waiting with {@link Thread#sleep(long)}. */
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException if interrupted: the send stops retrying and returns what it has
     */
    void sleep(Duration duration) throws InterruptedException;
}
