package org.mailoutcome.benchmarks;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.mailoutcome.testkit.SmtpServer;

/**
 * Messages per second of plain Angus Mail and of {@code OutcomeMailer}, side by side in one process, in alternating
 * rounds: (a) static {@code Transport.send}, (b) one hand-reused Angus transport, (c) the mailer on 1 thread,
 * (d) the mailer on T threads with T connections, (e) T hand-reused Angus transports on T threads. Every send is
 * checked; the exit status is 1 when any failed, 2 for a bad command line.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.mailoutcome.benchmarks.Throughput --server 127.0.0.1:2525
 * }</pre>
 */
public final class Throughput {
    /** The warm-up ends after {@link #QUIET_PASSES} passes in a row in which the JIT took less than this share. */
    private static final double SETTLED_JIT_SHARE = 0.02;
    private static final int QUIET_PASSES = 3;
    private static final int MAX_WARMUP_PASSES = 40;

    private Throughput() {
    }

    /**
     * Runs the harness; see {@link ThroughputOptions#USAGE}.
     *
     * @param args the command line
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        ThroughputOptions options;
        try {
            options = ThroughputOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ThroughputOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out) == 0 ? 0 : 1);
    }

    /**
     * Runs the harness and prints the table and the summary.
     *
     * @param o the options
     * @param out where to print
     * @return the number of measured sends that failed
     * @throws InterruptedException if interrupted
     */
    public static int run(ThroughputOptions o, PrintStream out) throws InterruptedException {
        Optional<SmtpServer> embedded = o.server().isPresent() ? Optional.empty()
                : Optional.of(SmtpServer.builder().starttls(o.starttls()).start());
        try {
            Session session = Session.getInstance(properties(o, embedded));
            Messages messages = new Messages(List.of(o.to()), o.size());
            List<SendClient> clients = clients(o, session, messages, embedded);
            try {
                return measure(o, clients, embedded, out);
            } finally {
                clients.forEach(SendClient::close);
            }
        } finally {
            embedded.ifPresent(SmtpServer::close);
        }
    }

    private static List<SendClient> clients(ThroughputOptions o, Session session, Messages messages,
            Optional<SmtpServer> embedded) {
        List<SendClient> clients = new ArrayList<>();
        for (char label : o.clients().toCharArray()) {
            if (!o.separateJvms()) {
                clients.add(client(label, o, session, messages));
                continue;
            }
            String server = o.server().orElseGet(() -> embedded.orElseThrow().host() + ":" + embedded.get().port());
            try {
                clients.add(RemoteClient.start(String.valueOf(label), o.forClientProcess(server)));
            } catch (IOException e) {
                clients.forEach(SendClient::close);
                throw new UncheckedIOException("cannot start the JVM of client " + label, e);
            }
        }
        return clients;
    }

    /** The client with this label, in this JVM. */
    static SendClient client(char label, ThroughputOptions o, Session session, Messages messages) {
        switch (label) {
            case 'a': return Clients.staticSend(session, messages);
            case 'b': return Clients.reusedTransport(session, messages);
            case 'c': return Clients.mailer("c", session, messages, 1);
            case 's': return Clients.mailerWithOwnSslFactory(session, messages);
            case 'd': return Clients.mailer("d", session, messages, o.threads());
            case 'e': return Clients.reusedTransports(session, messages, o.threads());
            case 'r': return Clients.rawSockets(session, messages, o.to(), o.threads());
            case 'm': return Clients.rawSocketsBuildingEach(session, messages, o.to(), o.threads());
            default: throw new IllegalArgumentException("no client " + label);
        }
    }

    private static int measure(ThroughputOptions o, List<SendClient> clients, Optional<SmtpServer> embedded,
            PrintStream out) throws InterruptedException {
        out.printf("server %s%s, %d-byte body, 1 recipient (%s), %d msgs per client per round (%d for a), "
                + "%d rounds, T=%d, %d cores, Java %s%s%n", o.server().orElse("embedded testkit"),
                o.starttls() ? " with STARTTLS" : ", plain SMTP", o.size(), o.to(), o.messages(), o.staticMessages(),
                o.rounds(), o.threads(), Runtime.getRuntime().availableProcessors(), Runtime.version(),
                o.writeTimeoutMillis().map(ms -> ", writetimeout " + ms + " ms").orElse("")
                        + (o.tcpNoDelay() ? ", TCP_NODELAY" : "") + (o.separateJvms() ? ", a JVM per client" : ""));
        CpuMeter meter = new CpuMeter(o.postfixPidFile());
        warmUp(o, clients, meter, out);
        Results results = new Results();
        clients.forEach(c -> results.client(c.label(), c.name()));
        for (int round = 1; round <= o.rounds(); round++) {
            for (SendClient client : inRoundOrder(clients, round)) {
                pause(o, embedded);
                Results.Run run = runOnce(meter, round, client, count(o, client, o.messages()));
                results.add(run);
                out.println(Results.line(run, client.name()));
            }
        }
        results.printSummary(out, o.starttls(), o.threads());
        return results.failures();
    }

    /**
     * Warms every client up in passes (each client {@code --warmup} messages, in the round order) until the JIT
     * compilers have settled: three passes in a row in which they spent under 2 % of the time, or
     * {@link #MAX_WARMUP_PASSES}. One quiet pass is not enough: C2 can pause and start again.
     * A fixed small warm-up is not enough on 2 cores: C2 went on compiling for about 14,000 mailer sends and
     * took most of a core from whichever client was measured then, while Postfix needed the other.
     */
    private static void warmUp(ThroughputOptions o, List<SendClient> clients, CpuMeter meter, PrintStream out)
            throws InterruptedException {
        if (o.warmup() == 0) return;
        int quietPasses = 0;
        for (int pass = 1; pass <= MAX_WARMUP_PASSES; pass++) {
            long passStart = System.nanoTime();
            long passJit = 0;
            for (SendClient client : clients) {
                int n = count(o, client, o.warmup());
                Tally tally = new Tally();
                CpuMeter.Sample before = meter.now(client);
                client.send(n, tally);
                CpuMeter.Sample after = meter.now(client);
                long jit = after.jitMillis() - before.jitMillis();
                passJit += jit;
                out.printf("warm-up %d %s %-45s %6d msgs %7.2f s  jit %5d ms  failed %d %s%n", pass, client.label(),
                        client.name(), n, (after.wallNanos() - before.wallNanos()) / 1e9, jit, tally.failedCount(),
                        tally.samples());
            }
            double jitShare = passJit * 1e6 / Math.max(1, System.nanoTime() - passStart);
            quietPasses = jitShare < SETTLED_JIT_SHARE ? quietPasses + 1 : 0;
            if (quietPasses == QUIET_PASSES) {
                out.printf("warmed up: the JIT spent %.1f %% of pass %d, the last of %d such passes%n",
                        jitShare * 100, pass, QUIET_PASSES);
                return;
            }
        }
        out.printf("warm-up stopped after %d passes with the JIT still compiling: the first rounds may be slow%n",
                MAX_WARMUP_PASSES);
    }

    private static Results.Run runOnce(CpuMeter meter, int round, SendClient client, int n)
            throws InterruptedException {
        Tally tally = new Tally();
        CpuMeter.Sample before = meter.now(client);
        client.send(n, tally);
        CpuMeter.Sample after = meter.now(client);
        return new Results.Run(round, client.label(), n, after.wallNanos() - before.wallNanos(), tally,
                CpuMeter.between(before, after));
    }

    /**
     * The clients in order in odd rounds and in reverse in even ones, so that no client always follows the same
     * one (and inherits its backlog in Postfix's queue).
     */
    static List<SendClient> inRoundOrder(List<SendClient> clients, int round) {
        if (round % 2 == 1) return clients;
        List<SendClient> reversed = new ArrayList<>(clients);
        Collections.reverse(reversed);
        return reversed;
    }

    /** Static sends open a connection per message: they get their own, smaller count. */
    private static int count(ThroughputOptions o, SendClient client, int n) {
        return client.label().equals("a") ? (int) Math.max(1, (long) n * o.staticMessages() / o.messages()) : n;
    }

    /** Lets the server's queue drain the previous client's backlog; the testkit forgets what it recorded. */
    private static void pause(ThroughputOptions o, Optional<SmtpServer> embedded) throws InterruptedException {
        embedded.ifPresent(SmtpServer::reset);
        if (o.pauseMillis() > 0) Thread.sleep(o.pauseMillis());
    }

    /** The session every client uses: the server, timeouts a careful user sets, STARTTLS required if asked. */
    static Properties properties(ThroughputOptions o, Optional<SmtpServer> embedded) {
        Properties p = embedded.map(SmtpServer::clientProperties).orElseGet(Properties::new);
        o.server().ifPresent(server -> {
            p.setProperty("mail.smtp.host", server.substring(0, server.lastIndexOf(':')));
            p.setProperty("mail.smtp.port", server.substring(server.lastIndexOf(':') + 1));
        });
        p.setProperty("mail.smtp.localhost", "client.lab.test");
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "60000");
        if (o.tcpNoDelay()) p.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        o.writeTimeoutMillis().ifPresent(ms -> p.setProperty("mail.smtp.writetimeout", Integer.toString(ms)));
        if (o.starttls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.trust", p.getProperty("mail.smtp.host"));
        }
        return p;
    }
}
