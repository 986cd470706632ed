package org.mailoutcome.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/**
 * Free TCP ports on loopback ({@code 127.0.0.1}), chosen by the kernel. A port is free when asked; a server that
 * binds it later can still lose it to another process, so launchers retry with new ports when binding fails.
 */
public final class FreePorts {
    /** The address every port is probed on. */
    public static final String HOST = "127.0.0.1";

    private static final int TRIES = 50;

    private FreePorts() {
    }

    /**
     * A port nothing listens on now.
     *
     * @return the port
     */
    public static int one() {
        return otherThan();
    }

    /**
     * A free port that is none of the given ones (for a server that needs several ports at once).
     *
     * @param taken ports already chosen
     * @return the port
     * @throws IllegalStateException when none is found in 50 tries
     */
    public static int otherThan(int... taken) {
        for (int i = 0; i < TRIES; i++) {
            try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
                int candidate = socket.getLocalPort();
                if (Arrays.stream(taken).noneMatch(t -> t == candidate)) return candidate;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot probe ports on " + HOST, e);
            }
        }
        throw new IllegalStateException("no free port on " + HOST + " in " + TRIES + " tries");
    }

    /**
     * A free port whose successor is free too, for a server configured with {@code PORT} and {@code PORT+1}.
     *
     * @return the first of the two ports
     * @throws IllegalStateException when no such pair is found in 50 tries
     */
    public static int consecutivePair() {
        for (int i = 0; i < TRIES; i++) {
            int candidate = one();
            if (candidate < 65535 && isFree(candidate + 1)) return candidate;
        }
        throw new IllegalStateException("no two consecutive free ports on " + HOST + " in " + TRIES + " tries");
    }

    /**
     * Whether nothing listens on this port now.
     *
     * @param port the port
     * @return true when it could be bound
     */
    public static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, loopback())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress loopback() throws IOException {
        return InetAddress.getByName(HOST);
    }
}
