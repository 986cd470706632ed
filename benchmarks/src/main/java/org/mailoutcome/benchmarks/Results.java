package org.mailoutcome.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The measured runs of every client, and the summary: medians, and the ratios the targets are about. */
final class Results {
    /** One client's run in one round. */
    record Run(int round, String label, int messages, long nanos, Tally tally, CpuMeter.Usage usage) {
        double rate() {
            return messages * 1e9 / nanos;
        }

        /** This JVM's CPU time per message, all its threads (timers, GC, JIT) included. */
        double clientMicrosPerMessage() {
            return usage.client() * 1e6 / rate();
        }
    }

    /** A ratio of two clients, with the target it is held against. */
    private record Ratio(String numerator, String denominator, String meaning, String target) {
    }

    private final Map<String, String> names = new LinkedHashMap<>();
    private final List<Run> runs = new ArrayList<>();

    void client(String label, String name) {
        names.put(label, name);
    }

    void add(Run run) {
        runs.add(run);
    }

    int failures() {
        return runs.stream().mapToInt(r -> r.tally().failedCount()).sum();
    }

    /** One line per run, printed as it ends. */
    static String line(Run run, String name) {
        return String.format("round %d  %s %-45s %6d msgs %7.2f s %8.1f msg/s %6.0f us CPU/msg  %s  failed %d",
                run.round(), run.label(), name, run.messages(), run.nanos() / 1e9, run.rate(),
                run.clientMicrosPerMessage(), run.usage().describe(), run.tally().failedCount());
    }

    void printSummary(PrintStream out, boolean starttls, int threads) {
        out.println();
        out.println("median msg/s per client (rounds in brackets), and the client's median CPU time per message");
        for (Map.Entry<String, String> client : names.entrySet()) {
            out.printf("  %s %-45s %8.1f  %-45s %6.0f us CPU/msg%n", client.getKey(), client.getValue(),
                    median(client.getKey()), rates(client.getKey()), median(of(client.getKey()).stream()
                            .mapToDouble(Run::clientMicrosPerMessage).toArray()));
        }
        out.println();
        out.println("ratios: of the medians, then the median of the paired per-round ratios (listed in brackets)");
        for (Ratio ratio : ratios(starttls, threads)) {
            if (!names.containsKey(ratio.numerator()) || !names.containsKey(ratio.denominator())) continue;
            List<Double> paired = paired(ratio);
            out.printf("  %s/%s %6.2f  paired %5.2f  %-40s %-55s %s%n", ratio.numerator(), ratio.denominator(),
                    median(ratio.numerator()) / median(ratio.denominator()),
                    median(paired.stream().mapToDouble(Double::doubleValue).toArray()),
                    paired.stream().map(r -> String.format("%.2f", r)).toList(), ratio.meaning(), ratio.target());
        }
        printFailures(out);
    }

    private static List<Ratio> ratios(boolean starttls, int threads) {
        return List.of(new Ratio("c", "b", "mailer vs hand-reused Angus transport", "target >= 1.0"),
                new Ratio("s", "c", "mailer with the session's own ssl.socketFactory vs default session",
                        "target >= 0.95"),
                new Ratio("c", "a", "mailer vs static Transport.send", starttls ? "target >= 20" : "target >= 1.4"),
                new Ratio("d", "c", "mailer, " + threads + " threads vs 1 thread", "as high as the server allows"),
                new Ratio("d", "e", "mailer vs plain Angus, both " + threads + " threads", "about 1"),
                new Ratio("e", "b", "plain Angus, " + threads + " threads vs 1", "the server's parallel headroom"),
                new Ratio("d", "r", "mailer vs minimal raw-socket clients, " + threads + " threads", "target >= 0.95"),
                new Ratio("d", "m", "mailer vs raw sockets building each message, " + threads + " threads",
                        "the SMTP code's share"),
                new Ratio("m", "r", "raw sockets: each message built vs bytes built once", "the message's share"));
    }

    private void printFailures(PrintStream out) {
        out.println();
        if (failures() == 0) {
            out.println("every send checked: all " + runs.stream().mapToInt(r -> r.tally().acceptedCount()).sum()
                    + " measured messages fully accepted, 0 failures");
            return;
        }
        out.println("FAILURES: " + failures() + " measured sends failed; the figures above are not valid");
        for (Run run : runs) {
            for (String sample : run.tally().samples()) out.println("  round " + run.round() + " " + run.label()
                    + ": " + sample);
        }
    }

    /** The ratio in each round that ran both clients: the comparison least disturbed by the machine's drift. */
    private List<Double> paired(Ratio ratio) {
        List<Double> values = new ArrayList<>();
        for (Run n : of(ratio.numerator())) {
            round(ratio.denominator(), n.round()).ifPresent(d -> values.add(n.rate() / d.rate()));
        }
        return values;
    }

    private Optional<Run> round(String label, int round) {
        return of(label).stream().filter(r -> r.round() == round).findFirst();
    }

    private String rates(String label) {
        List<String> values = new ArrayList<>();
        for (Run run : of(label)) values.add(String.format("%.1f", run.rate()));
        return values.toString();
    }

    double median(String label) {
        return median(of(label).stream().mapToDouble(Run::rate).toArray());
    }

    private static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private List<Run> of(String label) {
        return runs.stream().filter(r -> r.label().equals(label)).toList();
    }
}
