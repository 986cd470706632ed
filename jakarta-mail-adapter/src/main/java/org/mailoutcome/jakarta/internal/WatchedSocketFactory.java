package org.mailoutcome.jakarta.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketImpl;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.SocketFactory;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer's sockets, given to Angus as {@code mail.smtp.socketFactory}: {@code TCP_NODELAY} on, and a write
 * timeout enforced by a watchdog instead of Angus's {@code WriteTimeoutSocket}.
 *
 * <p>Why: Angus's write timeout schedules and cancels a task for every socket write (every flushed command, every TLS
 * record) on a thread per connection, which costs more client CPU per message than everything else the mailer does
 * (benchmarks/README.md). Here a write only stores its start time in a volatile field; one shared daemon thread
 * looks at each open socket a few times per timeout and closes a socket whose write has been blocked longer than
 * the timeout, which fails the write with an {@code IOException} exactly as Angus's would. STARTTLS's
 * {@code SSLSocket} is layered over this socket and writes through it, so TLS writes are watched too.
 *
 * <p>Nagle's algorithm is off because every SMTP command is written and flushed whole, and with it on the TLS 1.3
 * handshake's two client records wait for the server's delayed ACK: about 40 ms per STARTTLS connect on Linux.
 */
public final class WatchedSocketFactory extends SocketFactory {
    private static final Logger LOG = LoggerFactory.getLogger(WatchedSocketFactory.class);
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final long timeoutNanos;
    private final long checkEveryNanos;
    private final Supplier<SocketImpl> impls;

    /** One daemon thread for every mailer's sockets; a closed socket's check leaves the queue at once. */
    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mail-outcome-write-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /** Writes that may be held back and sent in one go, by the thread that set it. */
    private static final ThreadLocal<Cork> CORK = new ThreadLocal<>();

    /** Something that writes, and may fail as Angus's commands do. */
    @FunctionalInterface
    public interface Writes<E extends Exception> {
        /** Does the writes. */
        void run() throws E;
    }

    /**
     * Runs {@code writes} with this thread's writes and flushes on watched sockets held back, then writes what they
     * wrote in one write: a pipelined group of commands (RFC 2920) leaves in one TCP segment, not one per command.
     * On sockets not made by this factory the writes go out as usual, one per flush.
     *
     * @throws IOException if the final write fails
     */
    public static <E extends Exception> void corked(Writes<E> writes) throws E, IOException {
        Cork cork = new Cork();
        CORK.set(cork);
        try {
            writes.run();
        } finally {
            CORK.remove();
        }
        cork.release();
    }

    /** The bytes held back and the stream they are for. */
    private static final class Cork {
        private ByteArrayOutputStream held;
        private WatchedSocket.WatchedStream target;

        void hold(WatchedSocket.WatchedStream stream, byte[] b, int off, int len) throws IOException {
            if (target != null && target != stream) release();
            if (held == null) held = new ByteArrayOutputStream(512);
            target = stream;
            held.write(b, off, len);
        }

        void release() throws IOException {
            if (target == null) return;
            WatchedSocket.WatchedStream stream = target;
            byte[] bytes = held.toByteArray();
            held.reset();
            target = null;
            stream.writeThrough(bytes);
        }
    }

    /** Sockets whose writes may block at most {@code writeTimeout}. */
    public WatchedSocketFactory(Duration writeTimeout) {
        this(writeTimeout, null);
    }

    /** Sockets over the implementations {@code impls} makes (null: the JDK's): a seam for tests to record options. */
    WatchedSocketFactory(Duration writeTimeout, Supplier<SocketImpl> impls) {
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("write timeout must be positive: " + writeTimeout);
        }
        this.timeoutNanos = writeTimeout.toNanos();
        this.checkEveryNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(5),
                Math.min(TimeUnit.SECONDS.toNanos(1), timeoutNanos / 4));
        this.impls = impls;
    }

    /** The write timeout this factory's sockets enforce. */
    public Duration writeTimeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    @Override
    public Socket createSocket() throws IOException {
        return impls == null ? new WatchedSocket() : new WatchedSocket(impls.get());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(local, localPort));
    }

    /** Angus calls {@link #createSocket()} and connects itself; these overloads are for any other caller. */
    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket s = createSocket();
        try {
            if (local != null) s.bind(local);
            s.connect(remote);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "WatchedSocketFactory[writeTimeout=" + writeTimeout() + "]";
    }

    /** A socket whose output stream records when a write started; watched from its first write until closed. */
    private final class WatchedSocket extends Socket {
        /** {@code System.nanoTime()} when the blocked write started; 0 when no write is in progress. */
        private volatile long writeStarted;
        private OutputStream out;
        private volatile ScheduledFuture<?> watch;

        WatchedSocket() throws IOException {
            setTcpNoDelay(true);
        }

        WatchedSocket(SocketImpl impl) throws IOException {
            super(impl);
            setTcpNoDelay(true);
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new WatchedStream(super.getOutputStream());
                watch = WATCHDOG.scheduleAtFixedRate(this::check, checkEveryNanos, checkEveryNanos,
                        TimeUnit.NANOSECONDS);
            }
            return out;
        }

        private void check() {
            if (isClosed()) {
                watch.cancel(false);
                return;
            }
            long started = writeStarted;
            if (started == 0 || System.nanoTime() - started <= timeoutNanos) return;
            LOG.debug("write to {} blocked for more than {}: closing the connection", getRemoteSocketAddress(),
                    writeTimeout());
            try {
                close();
            } catch (IOException e) {
                LOG.debug("closing {} after a write timeout failed", getRemoteSocketAddress(), e);
            }
        }

        @Override
        public void close() throws IOException {
            synchronized (this) {
                if (watch != null) watch.cancel(false);
            }
            super.close();
        }

        /** Every write goes straight through; only its start and end are recorded. */
        private final class WatchedStream extends FilterOutputStream {
            WatchedStream(OutputStream out) {
                super(out);
            }

            @Override
            public void write(int b) throws IOException {
                Cork cork = CORK.get();
                if (cork != null) {
                    cork.hold(this, new byte[] {(byte) b}, 0, 1);
                    return;
                }
                begin();
                try {
                    out.write(b);
                } finally {
                    writeStarted = 0;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Cork cork = CORK.get();
                if (cork != null) {
                    cork.hold(this, b, off, len);
                    return;
                }
                begin();
                try {
                    out.write(b, off, len);
                } finally {
                    writeStarted = 0;
                }
            }

            @Override
            public void flush() throws IOException {
                if (CORK.get() == null) out.flush();
            }

            /**
             * Writes what a cork held, in one write, and flushes; then asks for quick ACKs, so a server that writes
             * the replies to the group one by one with Nagle's algorithm on (Postfix under TLS, which cannot see the
             * pipelined TLS records still waiting) does not wait for a delayed ACK (about 40 ms on Linux) per group.
             */
            void writeThrough(byte[] bytes) throws IOException {
                begin();
                try {
                    out.write(bytes);
                } finally {
                    writeStarted = 0;
                }
                out.flush();
                quickAck();
            }

            private void quickAck() {
                try {
                    WatchedSocket.this.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                } catch (IOException | UnsupportedOperationException e) {
                    // not Linux, or the socket is closing: ACKs stay as the system delays them
                }
            }

            @Override
            public void close() throws IOException {
                WatchedSocket.this.close();
            }

            private void begin() {
                long now = System.nanoTime();
                writeStarted = now == 0 ? 1 : now;
            }
        }
    }
}
