package org.mailoutcome.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mailoutcome.testkit.internal.ProxiedConnection;

/**
 * A TCP proxy on {@code 127.0.0.1} that delays every byte by a fixed time in each direction, to reproduce a wide
 * area network on loopback: in front of an {@link SmtpServer}, or of any server (a real Postfix in a benchmark).
 * Order is kept and throughput is not limited: bytes read while earlier ones wait are queued, each with its own due
 * time, so a pipelining client gains exactly what it would gain on a real link with that latency.
 *
 * <pre>{@code
 * try (SmtpServer server = SmtpServer.builder().pipelining(true).start();
 *         LatencyProxy wan = LatencyProxy.inFrontOf(server, Duration.ofMillis(50))) {
 *     Session session = Session.getInstance(wan.clientProperties(server));
 *     // ... send; wan.clientTurns() counts the round trips the client waited for ...
 * }
 * }</pre>
 *
 * <p>{@link #clientTurns()} counts round trips as the proxy sees them: a chunk from a client after the server sent
 * something since that client's last chunk starts a new turn. Safe for concurrent connections; every thread is a
 * daemon thread (four per connection); {@link #close()} closes every connection.
 */
public final class LatencyProxy implements AutoCloseable {

    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final InetSocketAddress target;
    private final long toServerNanos;
    private final long toClientNanos;
    private final ServerSocket listener;
    private final AtomicLong turns = new AtomicLong();
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final ThreadFactory threads;

    private LatencyProxy(InetSocketAddress target, Duration toServer, Duration toClient) throws IOException {
        this.target = target;
        this.toServerNanos = toServer.toNanos();
        this.toClientNanos = toClient.toNanos();
        this.listener = new ServerSocket(0, 256, InetAddress.getByAddress(LOOPBACK));
        AtomicInteger count = new AtomicInteger();
        this.threads = r -> {
            Thread t = new Thread(r, "mail-outcome-latency-proxy-" + listener.getLocalPort() + "-"
                    + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        threads.newThread(this::acceptLoop).start();
    }

    /**
     * Starts a proxy in front of a test server, with half the round trip in each direction.
     *
     * @param server the server
     * @param roundTrip the round-trip time to add, zero or more
     * @return the running proxy
     * @throws IllegalArgumentException if {@code roundTrip} is negative
     * @throws UncheckedIOException if no port can be bound
     */
    public static LatencyProxy inFrontOf(SmtpServer server, Duration roundTrip) {
        Duration half = checked(roundTrip, "roundTrip").dividedBy(2);
        return start(server.host(), server.port(), half, half);
    }

    /**
     * Starts a proxy in front of any TCP server.
     *
     * @param host the target's host
     * @param port the target's port
     * @param toServer the delay of every byte from client to server, zero or more
     * @param toClient the delay of every byte from server to client, zero or more
     * @return the running proxy
     * @throws IllegalArgumentException if a delay is negative or the port is out of range
     * @throws UncheckedIOException if no port can be bound
     */
    public static LatencyProxy start(String host, int port, Duration toServer, Duration toClient) {
        InetSocketAddress target = new InetSocketAddress(Objects.requireNonNull(host, "host"), port);
        try {
            return new LatencyProxy(target, checked(toServer, "toServer"), checked(toClient, "toClient"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the latency proxy", e);
        }
    }

    private static Duration checked(Duration delay, String name) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + delay);
        }
        return delay;
    }

    /**
     * The address the proxy listens on.
     *
     * @return {@code "127.0.0.1"}
     */
    public String host() {
        return "127.0.0.1";
    }

    /**
     * The port the proxy listens on, chosen by the system at start.
     *
     * @return the port
     */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * The server's {@link SmtpServer#clientProperties()}, pointed at this proxy ({@code mail.smtp.port}), with the
     * STARTTLS trust and timeouts as they are.
     *
     * @param server the server this proxy is in front of
     * @return a new properties object
     */
    public Properties clientProperties(SmtpServer server) {
        Properties properties = server.clientProperties();
        properties.setProperty("mail.smtp.port", Integer.toString(port()));
        return properties;
    }

    /**
     * The round trips clients waited for so far, over every connection: each time a client sent something after
     * the server had sent something since that client last did.
     *
     * @return the count
     */
    public long clientTurns() {
        return turns.get();
    }

    /**
     * The connections open through the proxy now.
     *
     * @return the count
     */
    public int openConnections() {
        return connections.size();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                relay(listener.accept());
            } catch (IOException e) {
                // closed by close(), which ends the loop; anything else is retried with the next accept
            }
        }
    }

    private void relay(Socket client) throws IOException {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, 10_000);
        } catch (IOException e) {
            client.close();
            server.close();
            return;
        }
        ProxiedConnection[] self = new ProxiedConnection[1];
        self[0] = new ProxiedConnection(client, server, () -> connections.remove(self[0]));
        connections.add(self[0]);
        self[0].start(toServerNanos, toClientNanos, turns, threads);
    }

    /** Stops accepting and closes every connection through the proxy. Idempotent. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // unusable either way: accept() fails and the loop ends
        }
        connections.forEach(ProxiedConnection::close);
    }

    /**
     * Describes the proxy.
     *
     * @return its port, target and delays
     */
    @Override
    public String toString() {
        return "LatencyProxy[127.0.0.1:" + port() + " -> " + target + ", " + Duration.ofNanos(toServerNanos) + " / "
                + Duration.ofNanos(toClientNanos) + "]";
    }
}
