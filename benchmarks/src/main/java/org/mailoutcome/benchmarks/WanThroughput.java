package org.mailoutcome.benchmarks;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.LatencyProxy;
import org.mailoutcome.testkit.SmtpServer;

/**
 * Sends at a simulated round trip (the testkit's {@link LatencyProxy} in front of its server, which advertises
 * PIPELINING): the mailer with pipelining (p), without (n), and a hand-reused Angus transport (b), one connection
 * each, alternating client by client within each round (the order reversed every other round). Prints msg/s and
 * the round trips per message the proxy counted once the connection was open, medians over the rounds, and the
 * ratios as ratio of the medians and median of the paired per-round ratios. A warm-up cell (0 ms, 10 recipients, two
 * rounds) runs first and is not printed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.mailoutcome.benchmarks.WanThroughput \
 *     [--rtt 0,20,50] [--recipients 1,10,100] [--seconds 2] [--rounds 3] [--size 2048]
 * </pre>
 */
public final class WanThroughput {
    private WanThroughput() {
    }

    private record Options(int[] rtts, int[] recipients, double seconds, int rounds, int size) {
        static Options parse(String[] args) {
            int[] rtts = {0, 20, 50};
            int[] recipients = {1, 10, 100};
            double seconds = 2;
            int rounds = 3;
            int size = 2048;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--rtt" -> rtts = ints(args[i + 1]);
                    case "--recipients" -> recipients = ints(args[i + 1]);
                    case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                    case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                    case "--size" -> size = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            return new Options(rtts, recipients, seconds, rounds, size);
        }

        private static int[] ints(String csv) {
            return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
        }
    }

    /** One client's measurement in one round. */
    private record Sample(double perSecond, double turnsPerMessage, int failed) {
    }

    private static final List<BiFunction<Session, Messages, SendClient>> CONTENDERS = List.of(
            (s, m) -> mailer("p", s, m, true), (s, m) -> mailer("n", s, m, false), Clients::reusedTransport);

    /**
     * Runs every cell and prints the table.
     *
     * @param args the options above
     * @throws Exception if the harness fails (a failed send is counted, not thrown)
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf("WAN harness: rtt %s ms, recipients %s, %d rounds of %.1f s per client, %d-byte body%n",
                Arrays.toString(o.rtts()), Arrays.toString(o.recipients()), o.rounds(), o.seconds(), o.size());
        System.out.println("rtt_ms rcpts | p msg/s  n msg/s  b msg/s | p rt/msg n rt/msg b rt/msg"
                + " | p/b (paired)     n/b (paired)     p/n (paired)   | failed");
        try (SmtpServer server = SmtpServer.builder().pipelining(true).maxRecipients(1000).start()) {
            try (LatencyProxy proxy = LatencyProxy.inFrontOf(server, Duration.ZERO)) {
                cell(new Options(o.rtts(), o.recipients(), o.seconds(), 2, o.size()), server, proxy, 0, 10, false);
            }
            for (int rtt : o.rtts()) {
                try (LatencyProxy proxy = LatencyProxy.inFrontOf(server, Duration.ofMillis(rtt))) {
                    for (int recipients : o.recipients()) cell(o, server, proxy, rtt, recipients, true);
                }
            }
        }
    }

    /** One cell; the first, not printed, is a warm-up of the JIT at 0 ms, where the client's CPU counts. */
    private static void cell(Options o, SmtpServer server, LatencyProxy proxy, int rtt, int recipients,
            boolean print) throws Exception {
        Messages messages = new Messages(IntStream.rangeClosed(1, recipients).mapToObj(i -> "r" + i + "@example.test")
                .toList(), o.size());
        Properties props = proxy.clientProperties(server);
        Session session = Session.getInstance(props);
        List<SendClient> clients = new ArrayList<>();
        for (BiFunction<Session, Messages, SendClient> c : CONTENDERS) clients.add(c.apply(session, messages));
        List<List<Sample>> samples = new ArrayList<>();
        for (SendClient c : clients) {
            samples.add(new ArrayList<>());
            c.send(1, new Tally()); // the connection is open before anything is counted
        }
        for (int round = 0; round < o.rounds(); round++) {
            for (int k = 0; k < clients.size(); k++) {
                int i = round % 2 == 0 ? k : clients.size() - 1 - k;
                samples.get(i).add(measure(clients.get(i), proxy, o.seconds()));
                server.reset();
            }
        }
        for (SendClient c : clients) c.close();
        if (print) print(rtt, recipients, samples);
    }

    private static Sample measure(SendClient client, LatencyProxy proxy, double seconds) throws Exception {
        Tally tally = new Tally();
        long turns = proxy.clientTurns();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int sent = 0;
        while (System.nanoTime() < end || sent < 3) {
            client.send(1, tally);
            sent++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (tally.failedCount() > 0) System.out.println("  failures of " + client.label() + ": " + tally.samples());
        return new Sample(sent / elapsed, (proxy.clientTurns() - turns) / (double) sent, tally.failedCount());
    }

    private static SendClient mailer(String label, Session session, Messages messages, boolean pipelining) {
        OutcomeMailer mailer = OutcomeMailer.builder(session).maxConnections(1).pipelining(pipelining).build();
        return new Clients.Simple(label, pipelining ? "mailer, pipelining" : "mailer, no pipelining", tally -> {
            try {
                if (mailer.send(messages.create(session)).isFullyAccepted()) tally.accepted();
                else tally.failed("not accepted");
            } catch (jakarta.mail.MessagingException e) {
                tally.failed(Clients.describe(e));
            }
        }, mailer::close);
    }

    private static void print(int rtt, int recipients, List<List<Sample>> s) {
        double[] rate = new double[3];
        double[] turns = new double[3];
        int failed = 0;
        for (int i = 0; i < 3; i++) {
            rate[i] = median(s.get(i).stream().mapToDouble(Sample::perSecond).toArray());
            turns[i] = median(s.get(i).stream().mapToDouble(Sample::turnsPerMessage).toArray());
            failed += s.get(i).stream().mapToInt(Sample::failed).sum();
        }
        System.out.println(String.format(Locale.ROOT,
                "%6d %5d | %8.1f %8.1f %8.1f | %8.2f %8.2f %8.2f | %s %s %s | %d", rtt, recipients, rate[0], rate[1],
                rate[2], turns[0], turns[1], turns[2], ratio(s, 0, 2), ratio(s, 1, 2), ratio(s, 0, 1), failed));
    }

    /** Ratio of the medians, then the median of the paired per-round ratios. */
    private static String ratio(List<List<Sample>> s, int a, int b) {
        double[] pa = s.get(a).stream().mapToDouble(Sample::perSecond).toArray();
        double[] pb = s.get(b).stream().mapToDouble(Sample::perSecond).toArray();
        double[] paired = IntStream.range(0, pa.length).mapToDouble(i -> pa[i] / pb[i]).toArray();
        return String.format(Locale.ROOT, "%6.2f (%6.2f)", median(pa) / median(pb), median(paired));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
