package org.mailoutcome.benchmarks;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mailoutcome.providers.ParseResult;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.tracking.Provider;

/**
 * The provider events' costs in CPU time of the measuring thread, side by side in alternating rounds (the order
 * reversed every other round), for a machine other processes share, where wall-clock JMH scores measure the
 * scheduler: Mailgun requests verified and parsed (per CPU-second), SendGrid batches of 1 to 25,000 events parsed
 * (CPU ns per byte, and its ratio to the 100-event batch: the ratio of the medians and the median of the per-round
 * ratios; and of the best rounds; 1 means linear), the bytes the thread allocates per input byte (a count, not a
 * time: steady whatever the machine's load), and the refusal of a body over 10 MiB as an array and as an endless stream. Rounds
 * count once the JIT compiler took under 2 % of three warm-up rounds in a row (at most 30 warm-up rounds).
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar org.mailoutcome.benchmarks.ProviderEventsCpu [rounds]}</pre>
 */
public final class ProviderEventsCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    /** Warm-up rounds at most; warm-up ends earlier after three rounds in which the JIT took under 2 % of the time. */
    private static final int MAX_WARMUPS = 30;
    private static final int[] SIZES = {1, 100, 1000, 10_000, 25_000};
    /** CPU time each measurement runs for, at least. */
    private static final long SLICE_NANOS = 300_000_000L;

    private ProviderEventsCpu() {
    }

    /**
     * Runs the rounds and prints the medians.
     *
     * @param args the number of rounds (default 7)
     * @throws Exception if a result is not what it should be
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ProviderEventsBenchmark mailgun = new ProviderEventsBenchmark();
        mailgun.build();
        ProviderEvents sendGrid = ProviderEvents.builder().verify(Provider.SENDGRID, Verification.none()).build();
        byte[][] batches = new byte[SIZES.length][];
        for (int i = 0; i < SIZES.length; i++) batches[i] = ProviderEventsSizeBenchmark.batch(SIZES[i]);
        ProviderEventsSizeBenchmark refusals = new ProviderEventsSizeBenchmark();
        List<double[]> perByte = new ArrayList<>();
        List<Double> mailgunRate = new ArrayList<>();
        List<double[]> refusal = new ArrayList<>();
        double[] allocated = new double[SIZES.length];
        int warmups = 0;
        int quiet = 0;
        for (int round = 0; perByte.size() < rounds; round++) {
            long jitBefore = JIT.getTotalCompilationTime();
            long wallBefore = System.nanoTime();
            boolean reversed = round % 2 == 1;
            double[] nsPerByte = new double[SIZES.length];
            for (int k = 0; k < SIZES.length; k++) {
                int i = reversed ? SIZES.length - 1 - k : k;
                byte[] body = batches[i];
                nsPerByte[i] = cpuPerOp(() -> check(sendGrid.parse(Provider.SENDGRID, body, Map.of()))) / body.length;
                allocated[i] = allocatedPerOp(() -> check(sendGrid.parse(Provider.SENDGRID, body, Map.of())))
                        / body.length;
            }
            mailgun.verifier();
            double rate = 1e9 / cpuPerOp(() -> check(mailgun.verifyAndParse()));
            mailgun.check();
            double[] refused = {cpuPerOp(refusals::refuseOversizedArray), cpuPerOp(refusals::refuseEndlessStream)};
            double jitShare = (JIT.getTotalCompilationTime() - jitBefore) * 1e6 / (System.nanoTime() - wallBefore);
            boolean warm = quiet >= 3 || warmups >= MAX_WARMUPS;
            if (warm) {
                perByte.add(nsPerByte);
                mailgunRate.add(rate);
                refusal.add(refused);
            } else {
                warmups++;
                quiet = jitShare < 0.02 ? quiet + 1 : 0;
            }
            System.out.printf("%s %d: JIT %.1f %%, mailgun %.0f requests per CPU-second; ns per byte %s%n",
                    warm ? "round" : "warm-up", round, jitShare * 100, rate,
                    Arrays.toString(Arrays.stream(nsPerByte).map(v -> Math.round(v * 10) / 10.0).toArray()));
        }
        report(perByte, mailgunRate, refusal, batches, allocated);
    }

    private static void report(List<double[]> perByte, List<Double> mailgunRate, List<double[]> refusal,
            byte[][] batches, double[] allocated) {
        double[] rates = mailgunRate.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf("%nMailgun, verified and parsed: median %.0f, best %.0f requests per CPU-second (%d rounds)%n",
                median(rates), Arrays.stream(rates).max().orElse(0), rates.length);
        System.out.println("SendGrid batch    bytes   CPU ns/byte: median  best  | ratio to 100 events: of medians"
                + "  paired (median)  of bests | allocated bytes/byte");
        double base = median(perByte.stream().mapToDouble(r -> r[1]).toArray());
        double baseBest = perByte.stream().mapToDouble(r -> r[1]).min().orElse(1);
        for (int i = 0; i < SIZES.length; i++) {
            int at = i;
            double m = median(perByte.stream().mapToDouble(r -> r[at]).toArray());
            double best = perByte.stream().mapToDouble(r -> r[at]).min().orElse(0);
            double paired = median(perByte.stream().mapToDouble(r -> r[at] / r[1]).toArray());
            System.out.printf("%6d events %9d  %18.1f %5.1f  | %30.2f  %15.2f  %8.2f | %8.1f%n", SIZES[i],
                    batches[i].length, m, best, m / base, paired, best / baseBest, allocated[i]);
        }
        System.out.printf("refusal over 10 MiB: array %.0f ns, endless stream %.2f ms (CPU)%n",
                median(refusal.stream().mapToDouble(r -> r[0]).toArray()),
                median(refusal.stream().mapToDouble(r -> r[1]).toArray()) / 1e6);
    }

    private static void check(ParseResult result) {
        if (!(result instanceof ParseResult.Accepted)) throw new IllegalStateException("not accepted: " + result);
    }

    /**
     * Runs the task until at least a slice of CPU time has passed, in doubling batches so that reading the clock
     * (about a microsecond) is not counted into short tasks; CPU nanoseconds per run. A full collection first, so
     * that no task pays for the garbage of the one before (the refusals leave 10 MiB arrays behind).
     */
    private static double cpuPerOp(Task task) throws IOException, GeneralSecurityException {
        System.gc();
        long start = THREADS.getCurrentThreadCpuTime();
        long runs = 0;
        long used;
        int batch = 1;
        do {
            for (int i = 0; i < batch; i++) task.run();
            runs += batch;
            batch = Math.min(batch * 2, 1 << 14);
            used = THREADS.getCurrentThreadCpuTime() - start;
        } while (used < SLICE_NANOS);
        return (double) used / runs;
    }

    /** Bytes the thread allocates for one run of the task (the JDK's own counter; deterministic, unlike time). */
    private static double allocatedPerOp(Task task) throws IOException, GeneralSecurityException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) THREADS;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 3; i++) task.run();
        return (threads.getCurrentThreadAllocatedBytes() - before) / 3.0;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** One measured operation. */
    @FunctionalInterface
    private interface Task {
        void run() throws IOException, GeneralSecurityException;
    }
}
