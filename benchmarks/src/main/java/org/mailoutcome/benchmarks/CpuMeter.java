package org.mailoutcome.benchmarks;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the CPU went during a run: this JVM, the Postfix under test, and the whole machine's busy, I/O-wait and
 * steal time, from {@code /proc} (Linux; left out elsewhere). What is busy but neither the client nor that Postfix
 * is other load on the shared machine: noise.
 *
 * <p>Postfix's time is that of its {@code master} (named by its pid file) and of the master's children (smtpd,
 * cleanup, qmgr, ...), plus the time of the children the master has reaped, so {@code smtpd} processes that exit
 * during a run are counted too. Another Postfix on the machine is not counted.
 */
final class CpuMeter {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** USER_HZ: the unit of {@code /proc} times on every Linux architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final Optional<Path> masterPidFile;

    /**
     * A meter.
     *
     * @param masterPidFile Postfix's {@code master.pid} ({@code queue_directory/pid/master.pid}), empty when the
     *     server is not a local Postfix
     */
    CpuMeter(Optional<Path> masterPidFile) {
        this.masterPidFile = masterPidFile;
    }

    /**
     * A point in time: wall clock, this JVM's CPU time, the JIT compilers' accumulated time, Postfix's CPU ticks,
     * the machine's counters.
     */
    record Sample(long wallNanos, long processCpuNanos, long jitMillis, Optional<Long> postfixTicks,
            Optional<long[]> procStat) {
    }

    /**
     * Cores in use on average between two samples.
     *
     * @param client the client's JVM (with {@code --embedded} and the client in this JVM, the server too)
     * @param jitMillis milliseconds the JIT compilers spent, a part of {@code client}: above a few, the client was
     *     still warming up
     * @param postfix the Postfix under test, when known
     * @param busy the whole machine: user, nice, system, irq, softirq
     * @param iowait the whole machine waiting for I/O (an fsync-bound server shows here)
     * @param steal taken by the hypervisor for other guests
     */
    record Usage(double client, long jitMillis, Optional<Double> postfix, Optional<Double> busy, Optional<Double> iowait,
            Optional<Double> steal) {
        String describe() {
            if (busy.isEmpty()) return String.format("client %.2f cores (jit %d ms)", client, jitMillis);
            double other = Math.max(0, busy.get() - client - postfix.orElse(0.0));
            return String.format("cores: client %.2f (jit %d ms) postfix %s other %.2f iowait %.2f steal %.2f", client,
                    jitMillis, postfix.map(p -> String.format("%.2f", p)).orElse("-"), other, iowait.orElse(0.0),
                    steal.orElse(0.0));
        }
    }

    /** This JVM's CPU time so far, all threads. */
    static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** Milliseconds this JVM's JIT compilers have spent so far. */
    static long jitMillis() {
        return JIT.getTotalCompilationTime();
    }

    /** Now, with the CPU and JIT time of the JVM the client runs in. */
    Sample now(SendClient client) {
        return new Sample(System.nanoTime(), client.cpuNanos(), client.jitMillis(),
                masterPidFile.flatMap(CpuMeter::postfixTicks), procStat());
    }

    static Usage between(Sample from, Sample to) {
        double seconds = (to.wallNanos - from.wallNanos) / 1e9;
        double client = (to.processCpuNanos - from.processCpuNanos) / 1e9 / seconds;
        long jit = to.jitMillis - from.jitMillis;
        Optional<Double> postfix = from.postfixTicks.flatMap(f -> to.postfixTicks.map(t -> (t - f)
                / TICKS_PER_SECOND / seconds));
        if (from.procStat.isEmpty() || to.procStat.isEmpty()) {
            return new Usage(client, jit, postfix, Optional.empty(), Optional.empty(), Optional.empty());
        }
        long[] d = new long[8];
        for (int i = 0; i < d.length; i++) d[i] = to.procStat.get()[i] - from.procStat.get()[i];
        double total = Math.max(1, Arrays.stream(d).sum());
        // user nice system idle iowait irq softirq steal
        double busy = (d[0] + d[1] + d[2] + d[5] + d[6]) / total * CORES;
        return new Usage(client, jit, postfix, Optional.of(busy), Optional.of(d[4] / total * CORES),
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

    /** The ticks of the master (its reaped children included) and of its live children. */
    private static Optional<Long> postfixTicks(Path masterPidFile) {
        try {
            String master = Files.readString(masterPidFile).trim();
            long ticks = 0;
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) ticks += ticks(process, master);
            }
            return Optional.of(ticks);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** utime + stime + cutime + cstime of the master or one of its children, else 0. */
    private static long ticks(Path process, String master) {
        try {
            String line = Files.readString(process.resolve("stat"));
            // after "pid (name) ": state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            boolean ours = process.getFileName().toString().equals(master) || f[1].equals(master);
            return ours ? Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                    + Long.parseLong(f[14]) : 0;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile: its time is in the master's cutime/cstime
        }
    }
}
