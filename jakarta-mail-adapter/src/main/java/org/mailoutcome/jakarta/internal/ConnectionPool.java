package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded pool of connected transports to one server (one session: same host, port, user and TLS settings).
 * At most {@code maxConnections} exist at once; a caller waits for a free one. Idle connections are reused most
 * recent first and closed after {@code maxIdle}; a connection is closed after {@code maxMessages} messages.
 */
public final class ConnectionPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);

    private final Session session;
    private final Semaphore permits;
    private final int maxConnections;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final long maxIdleNanos;
    private final int maxMessages;
    private final LongSupplier nanoClock;
    private volatile boolean closed;

    /** A pool; {@code nanoClock} is {@code System::nanoTime} outside tests. */
    public ConnectionPool(Session session, int maxConnections, Duration maxIdle, int maxMessages,
            LongSupplier nanoClock) {
        this.session = session;
        this.permits = new Semaphore(maxConnections, true);
        this.maxConnections = maxConnections;
        this.maxIdleNanos = maxIdle.toNanos();
        this.maxMessages = maxMessages;
        this.nanoClock = nanoClock;
    }

    /** A transport with its bookkeeping; {@link #isNew()} until it has carried a message. */
    public static final class Connection {
        private final RecordingTransport transport;
        private long idleSince;
        private int messages;

        Connection(RecordingTransport transport) {
            this.transport = transport;
        }

        /** The transport; connected unless {@link #isNew()}. */
        public RecordingTransport transport() {
            return transport;
        }

        /** Whether this connection has not been used for a message yet. */
        public boolean isNew() {
            return messages == 0 && !transport.isConnectedLocally();
        }

        /** Whether it has carried a message before (a stale server-side timeout is then possible). */
        public boolean isReused() {
            return messages > 0;
        }
    }

    /**
     * Takes an idle connection, or a new unconnected transport when none is idle; waits while
     * {@code maxConnections} are lent out.
     */
    public Connection borrow() throws InterruptedException, NoSuchProviderException {
        if (closed) throw new IllegalStateException("mailer is closed");
        permits.acquire();
        return take();
    }

    /** With a permit held: an idle connection, else a new transport; the permit is given back on failure. */
    private Connection take() throws NoSuchProviderException {
        try {
            for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
                if (nanoClock.getAsLong() - c.idleSince <= maxIdleNanos) return c;
                LOG.debug("closing connection idle for longer than {} ms", maxIdleNanos / 1_000_000);
                closeQuietly(c);
            }
            return new Connection((RecordingTransport) session.getTransport());
        } catch (RuntimeException | NoSuchProviderException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * Like {@link #borrow()}, but waits at most {@code timeout} for a lent-out connection to come back.
     *
     * @return the connection, or empty when none came back in time
     */
    public Optional<Connection> tryBorrow(Duration timeout) throws InterruptedException,
            NoSuchProviderException {
        if (closed) throw new IllegalStateException("mailer is closed");
        if (!permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) return Optional.empty();
        return Optional.of(take());
    }

    /** Connections lent out now. */
    public int leased() {
        return maxConnections - permits.availablePermits();
    }

    /** Connected connections waiting in the pool now (some may have passed their idle time). */
    public int idle() {
        return idle.size();
    }

    /** The most connections open at once. */
    public int maxConnections() {
        return maxConnections;
    }

    /** Whether a connection that carried messages before has been idle in the pool for longer than {@code time}. */
    public boolean idleLongerThan(Connection c, Duration time) {
        return c.isReused() && nanoClock.getAsLong() - c.idleSince > time.toNanos();
    }

    /** Gives a connection back after one message; closes it unless it is healthy and under its message limit. */
    public void release(Connection c, boolean healthy) {
        try {
            c.messages++;
            if (healthy && !closed && c.messages < maxMessages && c.transport.isConnectedLocally()) {
                c.idleSince = nanoClock.getAsLong();
                idle.offerFirst(c);
                if (closed && idle.remove(c)) closeQuietly(c);
            } else {
                closeQuietly(c);
            }
        } finally {
            permits.release();
        }
    }

    /** Closes every idle connection (QUIT, without waiting for its reply); lent ones close when released. */
    @Override
    public void close() {
        closed = true;
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("closing a connection failed: {}", e.toString());
        }
    }
}
