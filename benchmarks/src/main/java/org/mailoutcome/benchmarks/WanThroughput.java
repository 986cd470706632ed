package org.mailoutcome.benchmarks;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.LatencyProxy;
import org.mailoutcome.testkit.SmtpServer;

/**
 * Sends at a simulated round trip (the testkit's {@link LatencyProxy} in front of a server: a Postfix given with
 * {@code --server}, else the testkit's own, offering PIPELINING and CHUNKING): the mailer as built by default (f: one
 * flight, MAIL, the RCPTs and BDAT LAST with the message), with pipelining but without CHUNKING (p: MAIL, RCPTs, DATA
 * in one flight, then the message), in lock-step (n), and a hand-reused Angus transport (b), one connection each,
 * alternating client by client within each round (the order reversed every other round). Prints msg/s and the round
 * trips per message the proxy counted once the connection was open, medians over the rounds, and the ratios as ratio
 * of the medians and median of the paired per-round ratios. A warm-up cell (0 ms, 10 recipients, two rounds) runs
 * first and is not printed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.mailoutcome.benchmarks.WanThroughput \
 *     [--server HOST:PORT] [--rtt 0,20,50] [--recipients 1,10,100] [--seconds 2] [--rounds 3] [--size 2048]
 * </pre>
 * Against Postfix the recipients ({@code rN@example.test}) are relayed, so they go to its trusted port, whose
 * {@code smtpd_recipient_limit} must allow the largest count ({@code run-postfix.sh --wan} raises it).
 */
public final class WanThroughput {
    private WanThroughput() {
    }

    private record Options(Optional<String> server, int[] rtts, int[] recipients, double seconds, int rounds,
            int size) {
        static Options parse(String[] args) {
            Optional<String> server = Optional.empty();
            int[] rtts = {0, 20, 50};
            int[] recipients = {1, 10, 100};
            double seconds = 2;
            int rounds = 3;
            int size = 2048;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--server" -> server = Optional.of(args[i + 1]);
                    case "--rtt" -> rtts = ints(args[i + 1]);
                    case "--recipients" -> recipients = ints(args[i + 1]);
                    case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
                    case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                    case "--size" -> size = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
            return new Options(server, rtts, recipients, seconds, rounds, size);
        }

        Options withRounds(int n) {
            return new Options(server, rtts, recipients, seconds, n, size);
        }

        private static int[] ints(String csv) {
            return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
        }
    }

    /** One client's measurement in one round. */
    private record Sample(double perSecond, double turnsPerMessage, int failed) {
    }

    private static final List<BiFunction<Session, Messages, SendClient>> CONTENDERS = List.of(
            (s, m) -> mailer("f", s, m, true, true), (s, m) -> mailer("p", s, m, true, false),
            (s, m) -> mailer("n", s, m, false, false), Clients::reusedTransport);
    private static final String[] LABELS = {"f", "p", "n", "b"};

    /**
     * Runs every cell and prints the table.
     *
     * @param args the options above
     * @throws Exception if the harness fails (a failed send is counted, not thrown)
     */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        System.out.printf("WAN harness: %s, rtt %s ms, recipients %s, %d rounds of %.1f s per client, %d-byte body%n",
                o.server().map(s -> "server " + s).orElse("testkit server"), Arrays.toString(o.rtts()),
                Arrays.toString(o.recipients()), o.rounds(), o.seconds(), o.size());
        System.out.println("rtt_ms rcpts | f msg/s  p msg/s  n msg/s  b msg/s | f rt/msg p rt/msg n rt/msg b rt/msg"
                + " | f/b (paired)     p/b (paired)     n/b (paired)     f/p (paired)   | failed");
        try (SmtpServer testkit = SmtpServer.builder().pipelining(true).chunking(true).maxRecipients(1000).start()) {
            String host = o.server().map(s -> s.substring(0, s.lastIndexOf(':'))).orElse(testkit.host());
            int port = o.server().map(s -> Integer.parseInt(s.substring(s.lastIndexOf(':') + 1)))
                    .orElse(testkit.port());
            try (LatencyProxy proxy = LatencyProxy.start(host, port, Duration.ZERO, Duration.ZERO)) {
                cell(o.withRounds(2), testkit, proxy, 0, 10, false);
            }
            for (int rtt : o.rtts()) {
                Duration half = Duration.ofNanos(Duration.ofMillis(rtt).toNanos() / 2);
                try (LatencyProxy proxy = LatencyProxy.start(host, port, half, half)) {
                    for (int recipients : o.recipients()) cell(o, testkit, proxy, rtt, recipients, true);
                }
            }
        }
    }

    /** One cell; the first, not printed, is a warm-up of the JIT at 0 ms, where the client's CPU counts. */
    private static void cell(Options o, SmtpServer testkit, LatencyProxy proxy, int rtt, int recipients,
            boolean print) throws Exception {
        Messages messages = new Messages(IntStream.rangeClosed(1, recipients).mapToObj(i -> "r" + i + "@example.test")
                .toList(), o.size());
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", proxy.host());
        props.setProperty("mail.smtp.port", Integer.toString(proxy.port()));
        props.setProperty("mail.smtp.localhost", "client.lab.test");
        props.setProperty("mail.smtp.connectiontimeout", "10000");
        props.setProperty("mail.smtp.timeout", "60000");
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
                testkit.reset();
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

    private static SendClient mailer(String label, Session session, Messages messages, boolean pipelining,
            boolean chunking) {
        OutcomeMailer mailer = OutcomeMailer.builder(session).maxConnections(1).pipelining(pipelining)
                .chunking(chunking).build();
        String name = "mailer, " + (pipelining ? "pipelining" : "lock-step") + (chunking ? ", CHUNKING" : "");
        return new Clients.Simple(label, name, tally -> {
            try {
                if (mailer.send(messages.create(session)).isFullyAccepted()) tally.accepted();
                else tally.failed("not accepted");
            } catch (jakarta.mail.MessagingException e) {
                tally.failed(Clients.describe(e));
            }
        }, mailer::close);
    }

    private static void print(int rtt, int recipients, List<List<Sample>> s) {
        int n = LABELS.length;
        double[] rate = new double[n];
        double[] turns = new double[n];
        int failed = 0;
        for (int i = 0; i < n; i++) {
            rate[i] = median(s.get(i).stream().mapToDouble(Sample::perSecond).toArray());
            turns[i] = median(s.get(i).stream().mapToDouble(Sample::turnsPerMessage).toArray());
            failed += s.get(i).stream().mapToInt(Sample::failed).sum();
        }
        System.out.println(String.format(Locale.ROOT,
                "%6d %5d | %8.1f %8.1f %8.1f %8.1f | %8.2f %8.2f %8.2f %8.2f | %s %s %s %s | %d", rtt, recipients,
                rate[0], rate[1], rate[2], rate[3], turns[0], turns[1], turns[2], turns[3], ratio(s, 0, 3),
                ratio(s, 1, 3), ratio(s, 2, 3), ratio(s, 0, 1), failed));
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
