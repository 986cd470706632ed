package org.mailoutcome.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A real Exim 4.96 on loopback, started from the recipe packaged with this module ({@code recipes/exim}:
 * {@code start.sh}, {@code stop.sh}, the {@code exim.conf.in} template and its lookup files) with all its state
 * (configuration, spool, logs, mailboxes) in a fresh {@link RunDirectory}, removed when the server is closed.
 *
 * <p>It listens on two free ports of {@code 127.0.0.1}: {@link #port()} advertises DSN, {@link #noDsnPort()} does
 * not; both advertise PIPELINING (with Exim's synchronisation checks on and PIPECONNECT off), CHUNKING and SIZE.
 * It delivers {@code alice}, {@code bob} and {@code carol@lab.test} to files in the run directory
 * ({@link #mailbox}), relays {@code far.test} to the caller's server on {@link #remotePort()} and delivers the
 * notices it writes (bounces, delay warnings, success DSNs) for {@code sender.test} to the caller's server on
 * {@link #noticePort()}. Starting needs root, the binary and the {@code Debian-exim} user that
 * {@code .ci/exim-install} provides; nothing is installed here. Every failure throws
 * {@link IllegalStateException} with the script's output and the end of Exim's main log.
 *
 * <pre>{@code
 * try (EximServer exim = EximServer.start(remote.port(), notices.port())) {
 *     props.setProperty("mail.smtp.port", Integer.toString(exim.port()));
 *     ...
 * }
 * }</pre>
 */
public final class EximServer implements AutoCloseable {
    /** The address both listeners are bound to. */
    public static final String HOST = FreePorts.HOST;

    private static final List<String> RECIPE = List.of("start.sh", "stop.sh", "exim.conf.in", "redirects",
            "relocated");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static final int TAIL_LINES = 25;

    private final RunDirectory runDir;
    private final Recipe recipe;
    private final int port;
    private final int noDsnPort;
    private final int remotePort;
    private final int noticePort;
    private final Maillog mainlog;

    private EximServer(RunDirectory runDir, int remotePort, int noticePort) {
        this.runDir = runDir;
        this.recipe = Recipe.copy("exim", RECIPE, runDir.path().resolve("recipe"));
        this.remotePort = remotePort;
        this.noticePort = noticePort;
        this.port = FreePorts.otherThan(remotePort, noticePort);
        this.noDsnPort = FreePorts.otherThan(remotePort, noticePort, port);
        this.mainlog = new Maillog(runDir.path().resolve("log/mainlog"));
    }

    /**
     * Starts Exim on two fresh ports and checks that both greet with 220. A port taken between choosing it and
     * Exim binding it is retried with new ports, twice.
     *
     * @param remotePort the port of the server on {@link #HOST} that mail for {@code far.test} is relayed to
     * @param noticePort the port of the server on {@link #HOST} that receives the notices for {@code sender.test}
     *     (it must accept the null sender {@code MAIL FROM:<>})
     * @return the running server
     * @throws IllegalStateException when Exim is missing or does not start, with the reason
     */
    public static EximServer start(int remotePort, int noticePort) {
        for (int attempt = 1; ; attempt++) {
            EximServer server = new EximServer(RunDirectory.create("exim"), remotePort, noticePort);
            Optional<String> failure = server.script("start.sh", String.valueOf(server.port),
                    String.valueOf(server.noDsnPort), String.valueOf(remotePort), String.valueOf(noticePort))
                    .or(() -> Greetings.failure(server.port, server.noDsnPort));
            if (failure.isEmpty()) return server;
            String tail = server.mainlog.tail(TAIL_LINES);
            server.script("stop.sh");
            server.runDir.close();
            if (attempt < START_ATTEMPTS && failure.get().contains("Address already in use")) continue;
            throw new IllegalStateException("Exim did not start in " + server.runDir + ": " + failure.get()
                    + "\n--- end of " + server.mainlog.file() + " ---\n" + tail);
        }
    }

    /**
     * The port where Exim advertises DSN ({@code dsn_advertise_hosts}).
     *
     * @return the port on {@link #HOST}
     */
    public int port() {
        return port;
    }

    /**
     * The port where Exim does not advertise DSN: it takes no ENVID, NOTIFY, RET or ORCPT there.
     *
     * @return the port on {@link #HOST}
     */
    public int noDsnPort() {
        return noDsnPort;
    }

    /**
     * The port Exim relays mail for {@code far.test} to.
     *
     * @return the port on {@link #HOST}
     */
    public int remotePort() {
        return remotePort;
    }

    /**
     * The port Exim delivers the notices for {@code sender.test} to.
     *
     * @return the port on {@link #HOST}
     */
    public int noticePort() {
        return noticePort;
    }

    /**
     * Exim's main log: receptions ({@code <=}), deliveries ({@code =>}), deferrals ({@code ==}), failures
     * ({@code **}) and rejections, a synchronisation error among them.
     *
     * @return the log in the run directory
     */
    public Maillog mainlog() {
        return mainlog;
    }

    /**
     * The file Exim appends a local user's mail to (mbox format, LF line ends).
     *
     * @param localPart {@code alice}, {@code bob} or {@code carol}
     * @return the file in the run directory, which exists once something was delivered
     */
    public Path mailbox(String localPart) {
        return runDir.path().resolve("mail").resolve(Objects.requireNonNull(localPart, "localPart"));
    }

    /**
     * The run directory: configuration, spool, logs and mailboxes.
     *
     * @return its absolute path
     */
    public Path runDir() {
        return runDir.path();
    }

    /**
     * Stops Exim and every process it forked (deliveries under way finish first), and removes its run directory.
     *
     * @throws IllegalStateException when {@code stop.sh} fails, with its output
     */
    @Override
    public void close() {
        script("stop.sh").ifPresent(failure -> {
            throw new IllegalStateException("Exim did not stop: " + failure);
        });
        runDir.close();
    }

    private Optional<String> script(String name, String... args) {
        return recipe.runIn(runDir.path(), name, SCRIPT_TIMEOUT, args);
    }
}
