package org.mailoutcome.benchmarks;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.retry.DeferredSend;
import org.mailoutcome.jakarta.retry.PendingRecipient;
import org.mailoutcome.jakarta.retry.StoredMessage;
import org.mailoutcome.jdbc.JdbcRetries;
import org.mailoutcome.jdbc.RetryWorker;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The durable retries' costs, on one database and one SMTP server: (1) the hand-off of one deferred recipient
 * (ledger row and task row, one commit); (2) worker throughput, 1 and 2 workers, retrying recipients already due;
 * (3) sends whose first attempt succeeds, with the hand-off configured and without, alternating rounds.
 *
 * <pre>{@code java -cp benchmarks.jar org.mailoutcome.benchmarks.DurableRetriesBench JDBC_URL HOST:PORT [SCALE]}</pre>
 */
public final class DurableRetriesBench {
    private DurableRetriesBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String server = args[1];
        int scale = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        DataSource ds = pooled(url);
        JdbcRetries retries = JdbcRetries.builder(ds).pollingInterval(Duration.ofMillis(100)).threads(4).build();
        System.out.printf("database %s, server %s (%s)%n", url.replaceAll("\\?.*", ""), server,
                Runtime.getRuntime().availableProcessors() + " CPUs, shared with other work");
        schedule(ds, retries, 1000 * scale);
        for (int workers = 1; workers <= 2; workers++) worker(ds, retries, server, 300 * scale, workers);
        firstAttempt(retries, server, 300 * scale, 5);
    }

    private static DataSource pooled(String url) {
        if (url.startsWith("jdbc:h2:")) return JdbcRetries.dataSource(url);
        PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
        pg.setURL(url);
        return JdbcConnectionPool.create(pg);
    }

    private static DeferredSend deferred(String server, Instant due) throws Exception {
        Session session = Session.getInstance(new Properties());
        var mime = new Messages(List.of("alice@lab.test"), 2000).create(session);
        mime.saveChanges();
        var bytes = new java.io.ByteArrayOutputStream();
        mime.writeTo(bytes);
        InternetAddress to = new InternetAddress("alice@lab.test");
        DeliveryOutcome greylisted = DeliveryOutcome.classify(Stage.RCPT, "451 4.7.1 Greylisted, try again later");
        return new DeferredSend(new StoredMessage(bytes.toByteArray(), Optional.ofNullable(mime.getMessageID()),
                Optional.of(Messages.FROM)), List.of(new PendingRecipient(to, to, 1, greylisted)), due,
                RetryPolicy.builder().maxAttempts(3).build(), server);
    }

    private static void clear(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection()) {
            for (String table : List.of("mail_outcome_ledger", "mail_outcome_tasks")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table)) {
                    ps.executeUpdate();
                }
            }
        }
    }

    /** (1): median of 5 rounds of n hand-offs, after a warm-up round. */
    private static void schedule(DataSource ds, JdbcRetries retries, int n) throws Exception {
        DeferredSend send = deferred("127.0.0.1:25", Instant.now().plus(Duration.ofDays(1)));
        List<Double> msPerOp = new ArrayList<>();
        for (int round = 0; round <= 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) retries.handOff(send);
            double ms = (System.nanoTime() - start) / 1e6 / n;
            if (round > 0) msPerOp.add(ms);
        }
        clear(ds);
        System.out.printf("schedule one deferred recipient: median %.3f ms (rounds: %s)%n", median(msPerOp),
                format(msPerOp));
    }

    /** (2): n rounds due now, then w workers in this JVM until nothing is pending. */
    private static void worker(DataSource ds, JdbcRetries retries, String server, int n, int w) throws Exception {
        DeferredSend send = deferred(server, Instant.now());
        for (int i = 0; i < n; i++) retries.handOff(send);
        List<OutcomeMailer> mailers = new ArrayList<>();
        List<RetryWorker> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < w; i++) {
            OutcomeMailer mailer = OutcomeMailer.create(session(server));
            mailers.add(mailer);
            workers.add(retries.startWorker(s -> mailer));
        }
        while (!retries.pending().isEmpty()) LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.forEach(RetryWorker::close);
        mailers.forEach(OutcomeMailer::close);
        clear(ds);
        System.out.printf("worker throughput, %d worker(s) x 4 threads: %d recipients in %.2f s = %.0f/s%n", w, n,
                seconds, n / seconds);
    }

    /** (3): rounds of n sends, alternating with and without the hand-off; ratio with/without. */
    private static void firstAttempt(JdbcRetries retries, String server, int n, int rounds) throws Exception {
        Session session = session(server);
        Messages messages = new Messages(List.of("alice@lab.test"), 2000);
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        try (OutcomeMailer plain = OutcomeMailer.builder(session).retryPolicy(RetryPolicy.defaults()).build();
                OutcomeMailer durable = OutcomeMailer.builder(session).retryPolicy(RetryPolicy.defaults())
                        .retryHandOff(retries).build()) {
            rate(plain, messages, session, n);
            rate(durable, messages, session, n);
            for (int r = 0; r < rounds; r++) {
                boolean plainFirst = r % 2 == 0;
                double a = rate(plainFirst ? plain : durable, messages, session, n);
                double b = rate(plainFirst ? durable : plain, messages, session, n);
                without.add(plainFirst ? a : b);
                with.add(plainFirst ? b : a);
            }
        }
        List<Double> paired = new ArrayList<>();
        for (int i = 0; i < rounds; i++) paired.add(with.get(i) / without.get(i));
        System.out.printf("first attempt succeeds, msgs/s: with hand-off %s, without %s; ratio of medians %.3f, "
                + "median of paired ratios %.3f%n", format(with), format(without), median(with) / median(without),
                median(paired));
    }

    private static double rate(OutcomeMailer mailer, Messages messages, Session session, int n) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (!mailer.send(messages.create(session)).isFullyAccepted()) throw new IllegalStateException("not accepted");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static Session session(String server) {
        Properties p = new Properties();
        int colon = server.lastIndexOf(':');
        p.setProperty("mail.smtp.host", server.substring(0, colon));
        p.setProperty("mail.smtp.port", server.substring(colon + 1));
        p.setProperty("mail.smtp.localhost", "client.test");
        return Session.getInstance(p);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.3g", v)).toList().toString();
    }
}
