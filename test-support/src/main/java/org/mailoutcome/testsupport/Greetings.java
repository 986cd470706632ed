package org.mailoutcome.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Whether the SMTP servers a launcher started greet on their ports, before it hands them out. */
final class Greetings {
    private static final int TIMEOUT_MILLIS = 10_000;

    private Greetings() {
    }

    /**
     * Connects to each port of {@link FreePorts#HOST}, reads the greeting and says QUIT.
     *
     * @param ports the ports
     * @return empty when every one greets with 220, else what the first other one did
     */
    static Optional<String> failure(int... ports) {
        for (int p : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(FreePorts.HOST, p), TIMEOUT_MILLIS);
                socket.setSoTimeout(TIMEOUT_MILLIS);
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
