package org.mailoutcome.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Relays bytes between two connected sockets, each way on a daemon thread of its own, until either side closes;
 * then both are closed. For test proxies and TLS fronts.
 */
public final class Relay {
    private Relay() {
    }

    /**
     * Starts relaying between {@code a} and {@code b}.
     *
     * @param a one side
     * @param b the other side
     */
    public static void between(Socket a, Socket b) {
        oneWay(a, b);
        oneWay(b, a);
    }

    private static void oneWay(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Closes a socket, ignoring that it failed to.
     *
     * @param socket the socket
     */
    public static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }
}
