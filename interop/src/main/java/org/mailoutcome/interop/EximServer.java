package org.mailoutcome.interop;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A real Exim 4.96 on loopback, started from a recipe directory ({@code start.sh}, {@code stop.sh}, the
 * {@code exim.conf.in} template and its lookup files) with all its state (configuration, spool, logs, mailboxes)
 * in a run directory.
 *
 * <p>It listens on two free ports of {@code 127.0.0.1}: {@link #port()} advertises DSN, {@link #noDsnPort()} does
 * not; both advertise PIPELINING (with Exim's synchronisation checks on), CHUNKING and SIZE. It delivers
 * {@code alice}, {@code bob} and {@code carol@lab.test} to files in the run directory ({@link #mailbox}), relays
 * {@code far.test} to the caller's server on {@link #remotePort()} and the notices it writes (bounces, delay
 * warnings, success DSNs) for {@code sender.test} to the caller's server on {@link #noticePort()}. Starting needs
 * root, the binary and the {@code Debian-exim} user {@code .ci/exim-install} provides; nothing is installed here.
 * Every failure throws {@link IllegalStateException} with the script's output and the end of Exim's log.
 *
 * <pre>{@code
 * try (EximServer exim = EximServer.start(Path.of("exim"), EximServer.runDirFor(Path.of("exim")),
 *         remote.port(), notices.port())) {
 *     props.setProperty("mail.smtp.port", Integer.toString(exim.port()));
 *     ...
 * }
 * }</pre>
 */
public final class EximServer implements AutoCloseable {
    /** The address both listeners are bound to. */
    public static final String HOST = Loopback.HOST;

    private static final int START_ATTEMPTS = 3;
    private static final int TAIL_LINES = 25;

    private final Recipe recipe;
    private final int port;
    private final int noDsnPort;
    private final int remotePort;
    private final int noticePort;
    private final Maillog mainlog;

    private EximServer(Recipe recipe, int remotePort, int noticePort) {
        this.recipe = recipe;
        this.remotePort = remotePort;
        this.noticePort = noticePort;
        this.port = Loopback.freePortOtherThan(remotePort, noticePort);
        this.noDsnPort = Loopback.freePortOtherThan(remotePort, noticePort, port);
        this.mainlog = new Maillog(recipe.runDir().resolve("log/mainlog"));
    }

    /**
     * A short run directory under {@code /var/tmp} for a recipe, the same on every run from one checkout: the
     * processes run as {@code Debian-exim}, which must be able to enter it, and Exim names its notifier socket
     * after the spool's path, which must fit a socket address (about 100 characters).
     *
     * @param recipe the recipe directory
     * @return {@code /var/tmp/mail-outcome-exim-} and a hash of the recipe's absolute path
     */
    public static Path runDirFor(Path recipe) {
        String key = recipe.toAbsolutePath().normalize().toString();
        return Path.of("/var/tmp", "mail-outcome-exim-" + Integer.toHexString(key.hashCode()));
    }

    /**
     * Starts Exim on two fresh ports and checks that both greet with 220. A port taken between choosing it and
     * Exim binding it is retried with new ports, twice.
     *
     * @param recipe the directory holding {@code start.sh}, {@code stop.sh} and the configuration template
     * @param runDir the directory for configuration, spool, logs and mailboxes; created when missing
     * @param remotePort the port of the server on {@link #HOST} that mail for {@code far.test} is relayed to
     * @param noticePort the port of the server on {@link #HOST} that receives the notices for {@code sender.test}
     *     (it must accept the null sender {@code MAIL FROM:<>})
     * @return the running server
     * @throws IllegalStateException when Exim is missing or does not start, with the reason
     */
    public static EximServer start(Path recipe, Path runDir, int remotePort, int noticePort) {
        Recipe scripts = new Recipe("Exim", Objects.requireNonNull(recipe, "recipe"),
                Objects.requireNonNull(runDir, "runDir"));
        for (int attempt = 1; ; attempt++) {
            EximServer server = new EximServer(scripts, remotePort, noticePort);
            Optional<String> failure = scripts.run("start.sh", String.valueOf(server.port),
                    String.valueOf(server.noDsnPort), String.valueOf(remotePort), String.valueOf(noticePort))
                    .or(() -> Loopback.greetingFailure(List.of(server.port, server.noDsnPort)));
            if (failure.isEmpty()) return server;
            String tail = server.mainlog.tail(TAIL_LINES);
            scripts.run("stop.sh");
            if (attempt < START_ATTEMPTS && failure.get().contains("Address already in use")) continue;
            throw new IllegalStateException("Exim did not start from " + scripts.recipe() + " in "
                    + scripts.runDir() + ": " + failure.get()
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
     * The port where Exim does not advertise DSN: no ENVID, NOTIFY, RET or ORCPT is accepted there.
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
     * ({@code **}) and rejections, including a synchronisation error.
     *
     * @return the log in the run directory
     */
    public Maillog mainlog() {
        return mainlog;
    }

    /**
     * The file Exim appends a local user's mail to (mbox format).
     *
     * @param localPart {@code alice}, {@code bob} or {@code carol}
     * @return the file in the run directory, which exists once something was delivered
     */
    public Path mailbox(String localPart) {
        return recipe.runDir().resolve("mail").resolve(Objects.requireNonNull(localPart, "localPart"));
    }

    /**
     * The run directory: configuration, spool, logs and mailboxes.
     *
     * @return its absolute path
     */
    public Path runDir() {
        return recipe.runDir();
    }

    /**
     * Stops Exim and every process it forked.
     *
     * @throws IllegalStateException when {@code stop.sh} fails, with its output
     */
    @Override
    public void close() {
        recipe.run("stop.sh").ifPresent(failure -> {
            throw new IllegalStateException("Exim did not stop: " + failure);
        });
    }
}
