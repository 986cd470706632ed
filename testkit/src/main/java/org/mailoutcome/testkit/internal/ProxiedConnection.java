package org.mailoutcome.testkit.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client connection through a latency proxy: two {@link DelayedPipe}s, and a count of the client's turns (a
 * chunk from the client after the server has sent something since the client's last chunk: one round trip).
 */
public final class ProxiedConnection {

    private final Socket client;
    private final Socket server;
    private final AtomicBoolean serverSpoke = new AtomicBoolean(true);
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onClose;

    /**
     * A connection between two sockets, not started.
     *
     * @param client the accepted client socket
     * @param server the socket connected to the target
     * @param onClose called once when both sockets are closed
     */
    public ProxiedConnection(Socket client, Socket server, Runnable onClose) {
        this.client = client;
        this.server = server;
        this.onClose = onClose;
    }

    /**
     * Starts passing bytes both ways.
     *
     * @param toServerNanos the delay from client to server
     * @param toClientNanos the delay from server to client
     * @param turns counts the client's turns
     * @param threads makes the four threads
     */
    public void start(long toServerNanos, long toClientNanos, AtomicLong turns, ThreadFactory threads) {
        new DelayedPipe(client, server, toServerNanos, () -> {
            if (serverSpoke.getAndSet(false)) {
                turns.incrementAndGet();
            }
        }, this::pipeEnded, this::close).start(threads);
        new DelayedPipe(server, client, toClientNanos, () -> serverSpoke.set(true), this::pipeEnded, this::close)
                .start(threads);
    }

    private void pipeEnded() {
        if (ended.incrementAndGet() == 2) {
            close();
        }
    }

    /** Closes both sockets at once; idempotent. */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(client);
        closeQuietly(server);
        onClose.run();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
