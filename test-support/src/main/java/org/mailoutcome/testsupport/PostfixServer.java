package org.mailoutcome.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Postfix on loopback, started from the recipe packaged with this module ({@code recipes/postfix}:
 * {@code start.sh}, {@code stop.sh}, the {@code main.cf}/{@code master.cf} templates and maps) with all its state
 * in a fresh {@link RunDirectory}, removed when the server is closed.
 *
 * <p>It listens on two consecutive free ports of {@code 127.0.0.1}: {@link #port()} treats the client as trusted
 * (in {@code mynetworks}, VRFY on) and {@link #untrustedPort()} does not (VRFY off); and on two more for bounce
 * tracking, {@link #trackingPort()} and {@link #noDsnPort()} (no DSN). Notices for {@code sender.test} go to
 * {@link #noticePort()}. Starting needs root and an installed {@code postfix} ({@code .ci/postfix-install});
 * nothing is installed here. Every failure throws {@link IllegalStateException} with the script's output and the
 * end of the maillog.
 *
 * <pre>{@code
 * try (PostfixServer postfix = PostfixServer.start()) {
 *     props.setProperty("mail.smtp.port", Integer.toString(postfix.port()));
 *     ...
 * }
 * }</pre>
 */
public final class PostfixServer implements AutoCloseable {
    /** The address every listener is bound to. */
    public static final String HOST = FreePorts.HOST;

    private static final List<String> RECIPE = List.of("start.sh", "stop.sh", "main.cf.in", "master.cf.in",
            "transport.in", "local_recipients", "rcpt_access", "relocated", "verp_alias");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final int GREETING_TIMEOUT_MILLIS = 10_000;
    private static final int START_ATTEMPTS = 3;
    private static final int TAIL_LINES = 25;
    /** Where notices go when the caller names no port: the discard port, nothing listens there. */
    private static final int NO_NOTICE_PORT = 9;

    private final RunDirectory runDir;
    private final Recipe recipe;
    private final int port;
    private final int trackingPort;
    private final int noDsnPort;
    private final int noticePort;
    private final Maillog maillog;

    private PostfixServer(RunDirectory runDir, int port, int noticePort) {
        this.runDir = runDir;
        this.recipe = Recipe.copy("postfix", RECIPE, runDir.path().resolve("recipe"));
        this.port = port;
        this.trackingPort = FreePorts.otherThan(port, port + 1, noticePort);
        this.noDsnPort = FreePorts.otherThan(port, port + 1, noticePort, trackingPort);
        this.noticePort = noticePort;
        this.maillog = new Maillog(runDir.path().resolve("maillog"));
    }

    /**
     * Starts Postfix on fresh ports and checks that every listener greets with 220. Notices Postfix writes for
     * {@code sender.test} stay deferred.
     *
     * @return the running server
     * @throws IllegalStateException when Postfix is missing or does not start, with the reason
     */
    public static PostfixServer start() {
        return start(NO_NOTICE_PORT);
    }

    /**
     * Starts Postfix as {@link #start()} does, delivering the notices it writes for {@code sender.test} to an SMTP
     * server on {@link #HOST} at this port (it must accept the null sender {@code MAIL FROM:<>}). A port taken
     * between choosing it and Postfix binding it is retried with new ports, twice.
     *
     * @param noticePort the port of the server that receives the notices
     * @return the running server
     * @throws IllegalStateException when Postfix is missing or does not start, with the reason
     */
    public static PostfixServer start(int noticePort) {
        for (int attempt = 1; ; attempt++) {
            PostfixServer server = new PostfixServer(RunDirectory.create("postfix"), FreePorts.consecutivePair(),
                    noticePort);
            Optional<String> failure = server.script("start.sh", String.valueOf(server.port),
                    String.valueOf(server.trackingPort), String.valueOf(server.noDsnPort),
                    String.valueOf(server.noticePort))
                    .or(server::greetingFailure);
            if (failure.isEmpty()) return server;
            String tail = server.maillog.tail(TAIL_LINES);
            server.script("stop.sh");
            server.runDir.close();
            if (attempt < START_ATTEMPTS && tail.contains("Address already in use")) continue;
            throw new IllegalStateException("Postfix did not start in " + server.runDir + ": " + failure.get()
                    + "\n--- end of " + server.maillog.file() + " ---\n" + tail);
        }
    }

    /**
     * The port where the client is trusted ({@code mynetworks}) and VRFY is enabled.
     *
     * @return the port on {@link #HOST}
     */
    public int port() {
        return port;
    }

    /**
     * The port where the client is outside {@code mynetworks} and VRFY is disabled: {@link #port()} + 1.
     *
     * @return the port on {@link #HOST}
     */
    public int untrustedPort() {
        return port + 1;
    }

    /**
     * A port trusted like {@link #port()}, for bounce tracking: its smtpd accepts the {@code far.test} recipients
     * that the queue then bounces ({@code error:}) or defers until they expire ({@code retry:}).
     *
     * @return the port on {@link #HOST}
     */
    public int trackingPort() {
        return trackingPort;
    }

    /**
     * Like {@link #trackingPort()}, but Postfix does not advertise DSN ({@code smtpd_discard_ehlo_keywords = dsn}).
     *
     * @return the port on {@link #HOST}
     */
    public int noDsnPort() {
        return noDsnPort;
    }

    /**
     * The port Postfix delivers the notices for {@code sender.test} to (its {@code notices} transport).
     *
     * @return the port on {@link #HOST}
     */
    public int noticePort() {
        return noticePort;
    }

    /**
     * The log Postfix writes in the run directory.
     *
     * @return the maillog
     */
    public Maillog maillog() {
        return maillog;
    }

    /**
     * The run directory: configuration, queue, certificate and log.
     *
     * @return its absolute path
     */
    public Path runDir() {
        return runDir.path();
    }

    /**
     * Stops Postfix ({@code postfix stop}, which waits for the master to exit) and removes its run directory.
     *
     * @throws IllegalStateException when {@code stop.sh} fails, with its output
     */
    @Override
    public void close() {
        script("stop.sh").ifPresent(failure -> {
            throw new IllegalStateException("Postfix did not stop: " + failure);
        });
        runDir.close();
    }

    /** Runs a recipe script with the run directory and the arguments; what went wrong, if anything. */
    private Optional<String> script(String name, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = runDir.path().toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return recipe.run(name, SCRIPT_TIMEOUT, Map.of(), all);
    }

    /** Empty when both listeners greet with 220, else what they did. */
    private Optional<String> greetingFailure() {
        for (int p : new int[] {port(), untrustedPort(), trackingPort(), noDsnPort()}) {
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
