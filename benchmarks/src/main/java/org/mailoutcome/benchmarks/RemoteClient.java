package org.mailoutcome.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client that runs in a {@link ClientProcess} of its own: same class path, and this JVM's {@code -D} and
 * {@code -X} options. Its CPU and JIT figures are that JVM's, counted only while it sends.
 */
final class RemoteClient implements SendClient {
    private final String label;
    private final String name;
    private final Process process;
    private final BufferedReader fromChild;
    private final Writer toChild;
    /** The child's CPU and JIT time, summed over its runs. */
    private long cpuNanos;
    private long jitMillis;

    private RemoteClient(String label, Process process) throws IOException {
        this.label = label;
        this.process = process;
        this.fromChild = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.toChild = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.name = next(ClientProcess.READY) + " (own JVM)";
    }

    /**
     * Starts the JVM of one client.
     *
     * @param label the client, {@code a}..{@code e}
     * @param options the options of {@link ThroughputOptions#forClientProcess(String)}
     * @return the client, ready to send
     * @throws IOException if the JVM cannot be started or does not announce itself
     */
    static RemoteClient start(String label, List<String> options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-D") || arg.startsWith("-X")) command.add(arg);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ClientProcess.class.getName(), label));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            return new RemoteClient(label, process);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(int n, Tally tally) {
        try {
            toChild.write("send " + n + "\n");
            toChild.flush();
            String[] result = next(ClientProcess.RESULT).split(" ", 5);
            int accepted = Integer.parseInt(result[0]);
            int failed = Integer.parseInt(result[1]);
            cpuNanos += Long.parseLong(result[2]);
            jitMillis += Long.parseLong(result[3]);
            for (int i = 0; i < accepted; i++) tally.accepted();
            List<String> samples = result.length < 5 || result[4].isEmpty() ? List.of() : List.of(result[4].split("\t"));
            for (int i = 0; i < failed; i++) tally.failed(i < samples.size() ? samples.get(i) : "(not quoted)");
        } catch (IOException e) {
            throw new IllegalStateException("client " + label + "'s JVM stopped answering", e);
        }
    }

    @Override
    public long cpuNanos() {
        return cpuNanos;
    }

    @Override
    public long jitMillis() {
        return jitMillis;
    }

    /** Ends the client's JVM: {@code quit}, then, after 10 s, by force. */
    @Override
    public void close() {
        try {
            toChild.write("quit\n");
            toChild.flush();
        } catch (IOException e) {
            // the JVM is gone already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The next protocol line with this prefix, without it; other output of the child is skipped. */
    private String next(String prefix) throws IOException {
        for (String line = fromChild.readLine(); line != null; line = fromChild.readLine()) {
            if (line.startsWith(prefix)) return line.substring(prefix.length());
        }
        throw new IOException("client " + label + "'s JVM ended (exit status " + exitStatus() + ")");
    }

    private String exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
