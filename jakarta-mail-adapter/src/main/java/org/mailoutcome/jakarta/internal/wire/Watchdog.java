package org.mailoutcome.jakarta.internal.wire;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces a write timeout on the sockets of one mailer: a write stores its start time in a field of its stream, and
 * one daemon thread looks at each open socket a few times per timeout and closes a socket whose write has been
 * blocked longer than the timeout, which fails the write with an {@code IOException}. Angus's own write timeout
 * schedules and cancels a task for every write, on a thread per connection; this costs a volatile write per write.
 * The thread ends after a while without sockets to watch and starts again with the next one.
 */
final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final ScheduledThreadPoolExecutor executor;
    private final long timeoutNanos;
    private final long checkEveryNanos;

    /** A watchdog for writes that may block at most {@code timeout}. */
    Watchdog(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("write timeout must be positive: " + timeout);
        }
        this.timeoutNanos = timeout.toNanos();
        this.checkEveryNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(5),
                Math.min(TimeUnit.SECONDS.toNanos(1), timeoutNanos / 4));
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mail-outcome-write-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(30, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
    }

    /** The longest a write may block. */
    Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /**
     * Watches a connection until it is closed.
     *
     * @param writeStarted when the write in progress started ({@code System.nanoTime()}), 0 when none is
     * @param connection what to close when a write blocks too long; closed means watched no more
     * @param isClosed whether the connection is closed
     * @return the watch, to cancel when the connection closes
     */
    Watch watch(LongSupplier writeStarted, Closeable connection, java.util.function.BooleanSupplier isClosed) {
        Watch watch = new Watch();
        watch.future = executor.scheduleAtFixedRate(() -> {
            if (isClosed.getAsBoolean()) {
                watch.cancel();
                return;
            }
            long started = writeStarted.getAsLong();
            if (started == 0 || System.nanoTime() - started <= timeoutNanos) return;
            LOG.debug("a write blocked for more than {}: closing the connection", timeout());
            try {
                connection.close();
            } catch (IOException e) {
                LOG.debug("closing a connection after a write timeout failed", e);
            }
        }, checkEveryNanos, checkEveryNanos, TimeUnit.NANOSECONDS);
        return watch;
    }

    /** One connection's watch. */
    static final class Watch {
        private volatile ScheduledFuture<?> future;

        /** Stops watching. */
        void cancel() {
            ScheduledFuture<?> f = future;
            if (f != null) f.cancel(false);
        }
    }
}
