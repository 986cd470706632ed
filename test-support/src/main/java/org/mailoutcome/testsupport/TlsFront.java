package org.mailoutcome.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * Implicit TLS (SMTPS, port 465 style) in front of a plain SMTP server: each connection accepted on
 * {@link #port()} is a TLS server socket of the given context, and its plain bytes are relayed to the target and
 * back. For testing a client's TLS-from-the-first-byte settings against a server that only speaks plain SMTP.
 */
public final class TlsFront implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private TlsFront(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /**
     * Listens on a free port of {@link FreePorts#HOST} with TLS from {@code context}, relaying to the target.
     *
     * @param context the server's TLS context
     * @param targetHost the plain server's host
     * @param targetPort the plain server's port
     * @return the running front
     */
    public static TlsFront start(SSLContext context, String targetHost, int targetPort) {
        try {
            ServerSocket server = context.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getByName(FreePorts.HOST));
            TlsFront front = new TlsFront(server, targetHost, targetPort);
            Thread acceptor = new Thread(front::accept, "tls-front-" + server.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for TLS", e);
        }
    }

    /**
     * The port clients connect to with TLS.
     *
     * @return the port on {@link FreePorts#HOST}
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * How many connections were accepted.
     *
     * @return the count
     */
    public int connectionsAccepted() {
        return accepted.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                accepted.incrementAndGet();
                Socket target = new Socket();
                target.connect(new InetSocketAddress(targetHost, targetPort), 10_000);
                open.add(client);
                open.add(target);
                Relay.between(client, target);
            } catch (IOException e) {
                // closed, or one connection failed: the client sees its connection closed
            }
        }
    }

    /** Stops listening and closes every relayed connection. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        open.forEach(Relay::closeQuietly);
    }
}
