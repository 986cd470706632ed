package org.mailoutcome.benchmarks;

import jakarta.mail.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jdbc.JdbcDeliveryStore;
import org.mailoutcome.jdbc.JdbcHistory;
import org.mailoutcome.jdbc.JdbcSuppressionList;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testsupport.PostfixServer;
import org.mailoutcome.testsupport.PostgresServer;
import org.mailoutcome.tracking.HistoryEvent;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.TrackedRecipient;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The costs of acting on fates, on a real PostgreSQL 15 (fsync on) and a real Postfix 3.7, both started here from
 * test-support's recipes: (1) a send to 10 recipients through a mailer with the JDBC suppression list (holding
 * 10,000 entries) against the same mailer without it, alternating send by send (the order flipped every round, so
 * both see the same load), timing each send alone (the message is made before the clock starts), with the round trips
 * the list costs per send: against Postfix (whose recipe allows 3 recipients per transaction, so a send is 4
 * transactions on one connection), then against the testkit's server in this JVM (one transaction, the cheapest
 * send there is: the list's share of it is the largest); (2) the history of an address with 10,000 sends, among
 * 40,000 sends in all.
 *
 * <pre>{@code java -cp benchmarks.jar org.mailoutcome.benchmarks.FatesBench [ROUNDS] [SENDS_PER_ROUND] [HISTORY_SENDS]
 *     [all|suppressions|history]}</pre>
 */
public final class FatesBench {
    private static final List<String> TEN = IntStream.range(0, 10).mapToObj(i -> "r" + i + "@remote.example").toList();

    private FatesBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int sends = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int historySends = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String parts = args.length > 3 ? args[3] : "all";
        try (PostgresServer pg = PostgresServer.startDurable(); PostfixServer postfix = PostfixServer.start()) {
            System.out.printf("PostgreSQL on 127.0.0.1:%d (fsync on), Postfix on 127.0.0.1:%d; %d CPUs, shared%n",
                    pg.port(), postfix.port(), Runtime.getRuntime().availableProcessors());
            if (!parts.equals("history")) {
                suppressionCost("Postfix", pooled(pg.freshSchemaUrl()), session(PostfixServer.HOST, postfix.port()),
                        rounds, sends);
                try (SmtpServer testkit = SmtpServer.start()) {
                    suppressionCost("the testkit's server (in this JVM, no recipient limit)",
                            pooled(pg.freshSchemaUrl()), session(testkit.host(), testkit.port()), rounds, sends);
                }
            }
            if (!parts.equals("suppressions")) history(pooled(pg.freshSchemaUrl()), historySends);
        }
    }

    /** (1): the same sends with and without the list, alternating, the order reversed every other round. */
    private static void suppressionCost(String server, DataSource db, Session session, int rounds, int sends)
            throws Exception {
        RoundTrips counted = new RoundTrips(db);
        JdbcSuppressionList list = JdbcSuppressionList.create(counted);
        Instant now = Instant.now();
        for (int i = 0; i < 10_000; i++) list.put(Suppression.manual("s" + i + "@remote.example", "", now,
                Optional.empty()));
        Messages messages = new Messages(TEN, 2000);
        try (OutcomeMailer without = OutcomeMailer.create(session);
                OutcomeMailer with = OutcomeMailer.builder(session).suppressions(list).build()) {
            run(without, messages, session, sends);
            run(with, messages, session, sends);
            List<Double> msWithout = new ArrayList<>();
            List<Double> msWith = new ArrayList<>();
            List<Double> trips = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long[] nanos = new long[2];
                long before = counted.count();
                for (int i = 0; i < sends; i++) {
                    boolean withFirst = (i + round) % 2 == 1;
                    nanos[withFirst ? 1 : 0] += timed(withFirst ? with : without, messages, session);
                    nanos[withFirst ? 0 : 1] += timed(withFirst ? without : with, messages, session);
                }
                trips.add((counted.count() - before) / (double) sends);
                msWithout.add(nanos[0] / 1e6 / sends);
                msWith.add(nanos[1] / 1e6 / sends);
            }
            List<Double> paired = IntStream.range(0, rounds).mapToObj(i -> msWith.get(i) / msWithout.get(i)).toList();
            System.out.printf("%n(1) a send to 10 recipients against %s, %d rounds of %d sends with each mailer, "
                    + "alternating send by send, ms per send:%n", server, rounds, sends);
            System.out.printf("  without the list: median %.3f (rounds %s)%n", median(msWithout), format(msWithout));
            System.out.printf("  with the JDBC list on PostgreSQL: median %.3f (rounds %s)%n", median(msWith),
                    format(msWith));
            System.out.printf("  with/without: ratio of medians %.3f, median of paired ratios %.3f%n",
                    median(msWith) / median(msWithout), median(paired));
            System.out.printf("  database round trips per send with the list: %s%n", format(trips));
        }
    }

    /** One send, in nanoseconds. Every recipient must be accepted. */
    private static long timed(OutcomeMailer mailer, Messages messages, Session session) throws Exception {
        jakarta.mail.internet.MimeMessage message = messages.create(session);
        long start = System.nanoTime();
        DeliveryReport report = mailer.send(message);
        long took = System.nanoTime() - start;
        if (!report.isFullyAccepted()) throw new IllegalStateException("a send failed: " + report);
        return took;
    }

    /** Sends n messages; ms per send. Every recipient must be accepted. */
    private static double run(OutcomeMailer mailer, Messages messages, Session session, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            DeliveryReport report = mailer.send(messages.create(session));
            if (!report.isFullyAccepted()) throw new IllegalStateException("a send failed: " + report);
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    /** (2): 10,000 sends to bob among 40,000, then his history read again and again. */
    private static void history(DataSource db, int sends) throws Exception {
        JdbcDeliveryStore store = JdbcDeliveryStore.create(db);
        DeliveryOutcome ok = DeliveryOutcome.classify(Stage.RCPT, "250 2.1.5 Ok");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = thread; i < sends * 4; i += 4) {
                        String to = i % 4 == 0 ? "bob@lab.test" : "u" + i + "@lab.test";
                        List<TrackedRecipient> rs = List.of(recipient(to, ok, t0), recipient("x" + i + "@lab.test", ok, t0));
                        store.record(new SentMessage("h" + i, Optional.of("<h" + i + "@client.test>"),
                                Optional.of("h" + i), Optional.empty(), t0.plusSeconds(i), "127.0.0.1:25", rs));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
        System.out.printf("%n(2) history: %d sends recorded (%d to bob@lab.test) in %.1f s%n", sends * 4, sends,
                (System.nanoTime() - start) / 1e9);
        try (var c = db.getConnection(); var s = c.createStatement()) {
            s.execute("ANALYZE"); // what autovacuum does after a bulk load
        }
        JdbcHistory history = JdbcHistory.create(db);
        List<HistoryEvent> events = List.of();
        for (int i = 0; i < 5; i++) events = history.of("bob@lab.test");
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long s = System.nanoTime();
            events = history.of("bob@lab.test");
            ms.add((System.nanoTime() - s) / 1e6);
        }
        System.out.printf("  history of bob@lab.test: %d events; ms per read, 20 reads after 5: median %.1f, max %.1f"
                + " (reads %s)%n", events.size(), median(ms), ms.stream().mapToDouble(d -> d).max().orElse(0),
                format(ms));
    }

    private static TrackedRecipient recipient(String to, DeliveryOutcome outcome, Instant at) {
        return TrackedRecipient.sent(to, List.of(new TrackedRecipient.Attempt(to, outcome, 0, at)));
    }

    private static DataSource pooled(String url) {
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(url);
        return JdbcConnectionPool.create(pg);
    }

    private static Session session(String host, int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.localhost", "client.lab.test");
        return Session.getInstance(p);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.3f", v)).toList().toString();
    }
}
