package org.mailoutcome.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Free ports on {@code 127.0.0.1}, and whether the SMTP servers on some of them greet. */
final class Loopback {
    /** The address the suite's servers listen on. */
    static final String HOST = "127.0.0.1";

    private static final int GREETING_TIMEOUT_MILLIS = 10_000;
    private static final int TRIES = 50;

    private Loopback() {
    }

    /** A free port on loopback that is none of the given ones. */
    static int freePortOtherThan(int... taken) {
        try {
            InetAddress loopback = InetAddress.getByName(HOST);
            for (int i = 0; i < TRIES; i++) {
                try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
                    int candidate = socket.getLocalPort();
                    if (Arrays.stream(taken).noneMatch(t -> t == candidate)) return candidate;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe ports on " + HOST, e);
        }
        throw new IllegalStateException("no free port on " + HOST + " in " + TRIES + " tries");
    }

    /** Empty when the server on every port greets with 220, else what one of them did. */
    static Optional<String> greetingFailure(List<Integer> ports) {
        for (int p : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, p), GREETING_TIMEOUT_MILLIS);
                socket.setSoTimeout(GREETING_TIMEOUT_MILLIS);
                String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII)).readLine();
                socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                if (greeting == null || !greeting.startsWith("220")) {
                    return Optional.of("port " + p + " greeted with " + (greeting == null ? "nothing" : greeting));
                }
            } catch (IOException e) {
                return Optional.of("no greeting on port " + p + ": " + e);
            }
        }
        return Optional.empty();
    }
}
