package org.mailoutcome.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The listening socket of one server on {@code 127.0.0.1} and an ephemeral port, with one daemon thread accepting
 * and a cached pool of daemon threads, one per connection.
 */
public final class Acceptor implements AutoCloseable {

    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final ServerContext context;
    private final ServerSocket serverSocket;
    private final ExecutorService sessions;
    private final Thread acceptThread;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    private Acceptor(ServerContext context, ServerSocket serverSocket) {
        this.context = context;
        this.serverSocket = serverSocket;
        int port = serverSocket.getLocalPort();
        this.sessions = Executors.newCachedThreadPool(daemons("mail-outcome-testkit-" + port + "-session-"));
        this.acceptThread = daemons("mail-outcome-testkit-" + port + "-accept-").newThread(this::acceptLoop);
    }

    /**
     * Binds and starts accepting.
     *
     * @param context what sessions share
     * @return the running acceptor
     * @throws IOException if the socket cannot be bound
     */
    public static Acceptor start(ServerContext context) throws IOException {
        ServerSocket socket = new ServerSocket(0, 256, InetAddress.getByAddress(LOOPBACK));
        Acceptor acceptor = new Acceptor(context, socket);
        acceptor.acceptThread.start();
        return acceptor;
    }

    private ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            threads.removeIf(t -> !t.isAlive() && t.getState() == Thread.State.TERMINATED);
            threads.add(thread);
            return thread;
        };
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                serve(serverSocket.accept());
            } catch (IOException e) {
                // closed by close(), which ends the loop; anything else is retried with the next accept
            }
        }
    }

    private void serve(Socket socket) {
        SessionLog log = context.recordings().connectionOpened();
        Connection connection = null;
        try {
            connection = new Connection(socket, context.config().readTimeout(), context.config().replyPackets());
            connections.add(connection);
            sessions.execute(session(connection, log));
        } catch (IOException | RejectedExecutionException e) {
            if (connection != null) {
                connections.remove(connection);
            }
            closeQuietly(socket);
            log.closed();
            context.recordings().connectionClosed();
        }
    }

    private Runnable session(Connection connection, SessionLog log) {
        return () -> {
            try {
                new SessionHandler(context, connection, log).run();
            } finally {
                connections.remove(connection);
                context.recordings().connectionClosed();
            }
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    /** Stops accepting, closes every connection and waits for every thread to end. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            // the socket is unusable either way; accept() fails and the loop ends
        }
        try {
            acceptThread.join(TimeUnit.SECONDS.toMillis(10));
            connections.forEach(Connection::abort);
            sessions.shutdownNow();
            sessions.awaitTermination(10, TimeUnit.SECONDS);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            connections.forEach(Connection::abort);
            sessions.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
