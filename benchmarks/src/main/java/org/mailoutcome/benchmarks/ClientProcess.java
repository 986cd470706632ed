package org.mailoutcome.benchmarks;

import jakarta.mail.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One client of the harness in a JVM of its own, driven by {@link RemoteClient} over stdin and stdout: so that a
 * client's JIT profile, garbage and threads are its own, as in an application that uses only one way of sending.
 *
 * <p>Protocol, one line each way: {@code send N} runs the client for N messages and answers
 * {@code @@result ACCEPTED FAILED CPU_NANOS JIT_MILLIS SAMPLES}: this JVM's CPU time and JIT time during the run (what
 * it spends between runs, compiling in the background say, is left out) and the first failures, quoted,
 * tab-separated. {@code quit} closes the client and ends the process. It announces itself with
 * {@code @@ready NAME}. Any other output (logging) is not part of the protocol.
 */
public final class ClientProcess {
    /** Marks the protocol's lines on stdout. */
    static final String READY = "@@ready ";
    static final String RESULT = "@@result ";

    private ClientProcess() {
    }

    /**
     * Runs one client until {@code quit} or the end of stdin.
     *
     * @param args the client's label ({@code a}..{@code e}), then the options of {@link ThroughputOptions}
     * @throws IOException if stdin cannot be read
     * @throws InterruptedException if interrupted while sending
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        ThroughputOptions o = ThroughputOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        Session session = Session.getInstance(Throughput.properties(o, Optional.empty()));
        Messages messages = new Messages(List.of(o.to()), o.size());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (SendClient client = Throughput.client(args[0].charAt(0), o, session, messages)) {
            out.println(READY + client.name());
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (!line.startsWith("send ")) throw new IllegalArgumentException("unknown command: " + line);
                Tally tally = new Tally();
                long cpu = client.cpuNanos();
                long jit = client.jitMillis();
                client.send(Integer.parseInt(line.substring(5).trim()), tally);
                out.println(result(tally, client.cpuNanos() - cpu, client.jitMillis() - jit));
            }
        }
    }

    /** The result line of one run. */
    static String result(Tally tally, long cpuNanos, long jitMillis) {
        StringBuilder line = new StringBuilder(RESULT).append(tally.acceptedCount()).append(' ')
                .append(tally.failedCount()).append(' ').append(cpuNanos).append(' ').append(jitMillis).append(' ');
        List<String> samples = tally.samples().stream().map(s -> s.replaceAll("[\\t\\r\\n]+", " ")).toList();
        return line.append(String.join("\t", samples)).toString();
    }
}
