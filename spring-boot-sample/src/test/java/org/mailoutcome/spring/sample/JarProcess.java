package org.mailoutcome.spring.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code java -jar} of the built sample, its output read line by line as it comes; closed: destroyed. */
final class JarProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "mail-outcome-spring-boot-sample.jar");
    private static final String END = "\u0000end of output";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "sample-jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    static JarProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString(), "--spring.main.banner-mode=off"));
        command.addAll(List.of(args));
        return new JarProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) lines.add(line);
        } catch (IOException e) {
            lines.add("(output unreadable: " + e + ")");
        }
        lines.add(END);
    }

    /** Waits for a line that matches, as it is printed; fails with everything printed so far. */
    String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END)) {
                throw new AssertionError((line == null ? "no such line within " + timeout : "the process ended")
                        + "; it printed:\n" + String.join("\n", seen));
            }
            seen.add(line);
            if (matches.test(line)) return line;
        }
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; it printed:\n" + printed());
        }
        return process.exitValue();
    }

    /** Everything printed so far, the lines not yet awaited included. */
    String printed() {
        lines.drainTo(seen);
        seen.remove(END);
        return String.join("\n", seen);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
