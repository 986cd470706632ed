package org.mailoutcome.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Where the CPU went during a run: this JVM, Postfix's processes, and the whole machine's busy, I/O-wait and steal
 * time, from {@code /proc} (Linux; left out elsewhere). What is busy but neither the client nor Postfix is other
 * load on the shared machine: noise.
 *
 * <p>Postfix's time is the user and system time of its daemons plus the time of the children its {@code master}
 * has reaped, so {@code smtpd} processes that exit during a run are counted too.
 */
final class CpuMeter {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** USER_HZ: the unit of {@code /proc} times on every Linux architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Set<String> POSTFIX = Set.of("master", "smtpd", "cleanup", "qmgr", "trivial-rewrite",
            "discard", "tlsmgr", "anvil", "proxymap", "scache", "postlogd", "pickup", "bounce", "verify", "flush",
            "showq", "error", "local", "smtp", "postdrop", "sendmail");

    /** A point in time: wall clock, this JVM's CPU time, Postfix's CPU ticks, the machine's counters. */
    record Sample(long wallNanos, long processCpuNanos, long postfixTicks, Optional<long[]> procStat) {
    }

    /**
     * Cores in use on average between two samples.
     *
     * @param client this JVM (with {@code --embedded}, the server too)
     * @param postfix Postfix's daemons
     * @param busy the whole machine: user, nice, system, irq, softirq
     * @param iowait the whole machine waiting for I/O (an fsync-bound server shows here)
     * @param steal taken by the hypervisor for other guests
     */
    record Usage(double client, double postfix, Optional<Double> busy, Optional<Double> iowait,
            Optional<Double> steal) {
        String describe() {
            if (busy.isEmpty()) return String.format("client %.2f cores", client);
            double other = Math.max(0, busy.get() - client - postfix);
            return String.format("cores: client %.2f postfix %.2f other %.2f iowait %.2f steal %.2f", client, postfix,
                    other, iowait.orElse(0.0), steal.orElse(0.0));
        }
    }

    private CpuMeter() {
    }

    static Sample now() {
        return new Sample(System.nanoTime(), OS.getProcessCpuTime(), postfixTicks(), procStat());
    }

    static Usage between(Sample from, Sample to) {
        double seconds = (to.wallNanos - from.wallNanos) / 1e9;
        double client = (to.processCpuNanos - from.processCpuNanos) / 1e9 / seconds;
        double postfix = (to.postfixTicks - from.postfixTicks) / TICKS_PER_SECOND / seconds;
        if (from.procStat.isEmpty() || to.procStat.isEmpty()) {
            return new Usage(client, postfix, Optional.empty(), Optional.empty(), Optional.empty());
        }
        long[] d = new long[8];
        for (int i = 0; i < d.length; i++) d[i] = to.procStat.get()[i] - from.procStat.get()[i];
        double total = Math.max(1, Arrays.stream(d).sum());
        // user nice system idle iowait irq softirq steal
        double busy = (d[0] + d[1] + d[2] + d[5] + d[6]) / total * CORES;
        return new Usage(client, postfix, Optional.of(busy), Optional.of(d[4] / total * CORES),
                Optional.of(d[7] / total * CORES));
    }

    private static Optional<long[]> procStat() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long[] v = new long[8];
            for (int i = 0; i < v.length; i++) v[i] = Long.parseLong(f[i + 1]);
            return Optional.of(v);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** utime + stime + cutime + cstime of every process named like a Postfix daemon; 0 without {@code /proc}. */
    private static long postfixTicks() {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) ticks += postfixTicks(process.resolve("stat"));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks;
    }

    private static long postfixTicks(Path stat) {
        try {
            String line = Files.readString(stat);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            if (!POSTFIX.contains(line.substring(open + 1, close))) return 0;
            String[] f = line.substring(close + 2).split(" ");
            // after the name: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
