package org.mailoutcome.interop;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Postfix on loopback, started from a recipe directory ({@code start.sh}, {@code stop.sh}, the
 * {@code main.cf}/{@code master.cf} templates and maps) with all its state in a run directory.
 *
 * <p>It listens on two consecutive free ports of {@code 127.0.0.1}: {@link #port()} treats the client as trusted
 * (in {@code mynetworks}, VRFY on) and {@link #untrustedPort()} does not (VRFY off); and on two more for
 * bounce tracking, {@link #trackingPort()} and {@link #noDsnPort()} (no DSN). Notices for {@code sender.test} go to {@link #noticePort()}. Starting needs root and an
 * installed {@code postfix}; nothing is installed here. Every failure throws {@link IllegalStateException} with the
 * script's output and the end of the maillog, so that a suite that cannot start Postfix fails and says why.
 *
 * <pre>{@code
 * try (PostfixServer postfix = PostfixServer.start(Path.of("postfix"), Path.of("target/postfix-run"))) {
 *     props.setProperty("mail.smtp.port", Integer.toString(postfix.port()));
 *     ...
 * }
 * }</pre>
 */
public final class PostfixServer implements AutoCloseable {
    /** The address both listeners are bound to. */
    public static final String HOST = "127.0.0.1";

    private static final long SCRIPT_TIMEOUT_SECONDS = 60;
    private static final int GREETING_TIMEOUT_MILLIS = 10_000;
    private static final int START_ATTEMPTS = 3;
    private static final int PORT_PAIR_TRIES = 50;
    private static final int TAIL_LINES = 25;

    private final Path recipe;
    private final Path runDir;
    private final int port;
    private final int trackingPort;
    private final int noDsnPort;
    private final int noticePort;
    private final Maillog maillog;

    private PostfixServer(Path recipe, Path runDir, int port, int noticePort) {
        this.recipe = recipe;
        this.runDir = runDir;
        this.port = port;
        this.trackingPort = freePortOtherThan(port, port + 1, noticePort);
        this.noDsnPort = freePortOtherThan(port, port + 1, noticePort, trackingPort);
        this.noticePort = noticePort;
        this.maillog = new Maillog(runDir.resolve("maillog"));
    }

    /**
     * The run directory, or one under /var/tmp when Postfix could not use it: its daemons run as the postfix user,
     * which must be able to enter every parent directory (a checkout below a 0700 directory such as /root or a
     * {@code mktemp -d} is not enterable by others).
     *
     * @param run the wanted run directory
     * @return it, or the fallback under /var/tmp
     */
    public static Path reachable(Path run) {
        Path absolute = run.toAbsolutePath().normalize();
        for (Path p = absolute; p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    Path fallback = Path.of("/var/tmp", "mail-outcome-interop-"
                            + Integer.toHexString(absolute.toString().hashCode()));
                    System.out.printf("interop: %s cannot be entered by the postfix user (%s is not searchable by "
                            + "others): Postfix runs in %s%n", absolute, p, fallback);
                    return fallback;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the permissions of " + p, e);
            }
        }
        return absolute;
    }

    /**
     * Starts Postfix on two fresh consecutive ports and checks that both greet with 220. A port taken between
     * choosing it and Postfix binding it is retried with new ports, twice.
     *
     * @param recipe the directory holding {@code start.sh}, {@code stop.sh} and the configuration templates
     * @param runDir the directory for configuration, queue, certificate and log; created when missing
     * @return the running server
     * @throws IllegalStateException when Postfix is missing or does not start, with the reason
     */
    public static PostfixServer start(Path recipe, Path runDir) {
        return start(recipe, runDir, freePortOtherThan());
    }

    /**
     * Starts Postfix as {@link #start(Path, Path)} does, delivering the notices it writes for {@code sender.test}
     * to an SMTP server on {@link #HOST} at this port (it must accept the null sender {@code MAIL FROM:<>}).
     *
     * @param recipe the directory holding {@code start.sh}, {@code stop.sh} and the configuration templates
     * @param runDir the directory for configuration, queue, certificate and log; created when missing
     * @param noticePort the port of the server that receives the notices
     * @return the running server
     * @throws IllegalStateException when Postfix is missing or does not start, with the reason
     */
    public static PostfixServer start(Path recipe, Path runDir, int noticePort) {
        Path scripts = Objects.requireNonNull(recipe, "recipe").toAbsolutePath();
        Path run = Objects.requireNonNull(runDir, "runDir").toAbsolutePath();
        for (int attempt = 1; ; attempt++) {
            PostfixServer server = new PostfixServer(scripts, run, consecutiveFreePorts(), noticePort);
            Optional<String> failure = server.script("start.sh", String.valueOf(server.port),
                    String.valueOf(server.trackingPort), String.valueOf(server.noDsnPort),
                    String.valueOf(server.noticePort))
                    .or(server::greetingFailure);
            if (failure.isEmpty()) return server;
            String tail = server.maillog.tail(TAIL_LINES);
            server.script("stop.sh");
            if (attempt < START_ATTEMPTS && tail.contains("Address already in use")) continue;
            throw new IllegalStateException("Postfix did not start from " + scripts + " in " + run + ": "
                    + failure.get()
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
        return runDir;
    }

    /**
     * Stops Postfix ({@code postfix stop}, which waits for the master to exit).
     *
     * @throws IllegalStateException when {@code stop.sh} fails, with its output
     */
    @Override
    public void close() {
        script("stop.sh").ifPresent(failure -> {
            throw new IllegalStateException("Postfix did not stop: " + failure);
        });
    }

    /** Runs a recipe script with the run directory and the arguments; what went wrong, if anything. */
    private Optional<String> script(String name, String... args) {
        Path output = runDir.resolve(name.replace(".sh", ".out"));
        try {
            Files.createDirectories(runDir);
            List<String> command = new ArrayList<>(List.of("bash", recipe.resolve(name).toString(),
                    runDir.toString()));
            command.addAll(List.of(args));
            // Output to a file, not a pipe: the Postfix master started by the script must not hold our pipe open.
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(new File("/dev/null"))
                    .start();
            if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(name + " did not finish within " + SCRIPT_TIMEOUT_SECONDS + " s: " + read(output));
            }
            int exit = process.exitValue();
            return exit == 0 ? Optional.empty() : Optional.of(name + " exited with " + exit + ": " + read(output));
        } catch (IOException e) {
            return Optional.of("cannot run " + name + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while running " + name);
        }
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

    /** A free port on loopback whose successor is free too (bind port 0, then try the next one). */
    private static int consecutiveFreePorts() {
        try {
            InetAddress loopback = InetAddress.getByName(HOST);
            for (int i = 0; i < PORT_PAIR_TRIES; i++) {
                try (ServerSocket first = new ServerSocket(0, 1, loopback)) {
                    int candidate = first.getLocalPort();
                    if (candidate < 65535 && isFree(loopback, candidate + 1)) return candidate;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe ports on " + HOST, e);
        }
        throw new IllegalStateException("no two consecutive free ports on " + HOST + " in " + PORT_PAIR_TRIES
                + " tries");
    }

    /** A free port on loopback that is none of the given ones. */
    private static int freePortOtherThan(int... taken) {
        try {
            InetAddress loopback = InetAddress.getByName(HOST);
            for (int i = 0; i < PORT_PAIR_TRIES; i++) {
                try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
                    int candidate = socket.getLocalPort();
                    if (java.util.Arrays.stream(taken).noneMatch(t -> t == candidate)) return candidate;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe ports on " + HOST, e);
        }
        throw new IllegalStateException("no free port on " + HOST + " in " + PORT_PAIR_TRIES + " tries");
    }

    private static boolean isFree(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, address)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
