package org.mailoutcome.benchmarks;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.testkit.SmtpServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One message on an open connection: {@code OutcomeMailer.send} against a hand-reused Angus transport
 * ({@code saveChanges()}, {@code sendMessage}), same message, same server, one thread. Run with {@code -prof gc}:
 * the difference of {@code gc.alloc.rate.norm} is what the mailer allocates per send beyond Angus.
 *
 * <p>{@code server=embedded} uses the testkit server in this JVM (its own allocation then counts in both scores
 * alike); {@code -p server=127.0.0.1:PORT} a Postfix started by {@code run-postfix.sh}, whose local users are the
 * recipients ({@code recipients} at most 3). Every send is checked: a refused one fails the benchmark.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class SendOverheadBenchmark {
    /** {@code embedded}, or {@code HOST:PORT} of a running server. */
    @Param("embedded")
    public String server;

    /** Whether the connection is upgraded with STARTTLS. */
    @Param("false")
    public boolean starttls;

    /** Envelope recipients per message, 1 to 3 (the Postfix recipe's {@code smtpd_recipient_limit}). */
    @Param({"1", "3"})
    public int recipients;

    /** Bytes of body. */
    @Param("2048")
    public int size;

    private Optional<SmtpServer> embedded = Optional.empty();
    private Session session;
    private MimeMessage message;
    private OutcomeMailer mailer;
    private OutcomeMailer trackedMailer;
    private SMTPTransport transport;
    private SMTPTransport timedTransport;
    private boolean transportOpen;
    private boolean timedTransportOpen;

    /**
     * Starts the embedded server if asked, and builds the clients; nothing connects before its first send.
     *
     * @throws MessagingException if the message cannot be built
     */
    @Setup(Level.Trial)
    public void open() throws MessagingException {
        if (server.equals("embedded")) embedded = Optional.of(SmtpServer.builder().starttls(starttls).start());
        Properties p = embedded.map(SmtpServer::clientProperties).orElseGet(Properties::new);
        if (embedded.isEmpty()) {
            p.setProperty("mail.smtp.host", server.substring(0, server.lastIndexOf(':')));
            p.setProperty("mail.smtp.port", server.substring(server.lastIndexOf(':') + 1));
        }
        p.setProperty("mail.smtp.localhost", "client.lab.test");
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "60000");
        if (starttls) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.trust", p.getProperty("mail.smtp.host"));
        }
        session = Session.getInstance(p);
        message = new Messages(Messages.LOCAL_USERS.subList(0, recipients), size).create(session);
        mailer = OutcomeMailer.builder(session).maxConnections(1).build();
        trackedMailer = OutcomeMailer.builder(session).maxConnections(1)
                .tracking(Tracking.builder(new InMemoryDeliveryStore(10_000)).build()).build();
        transport = (SMTPTransport) session.getTransport("smtp");
        Properties timed = new Properties();
        timed.putAll(p);
        timed.setProperty("mail.smtp.writetimeout", "60000");
        timedTransport = (SMTPTransport) Session.getInstance(timed).getTransport("smtp");
    }

    /** The testkit server keeps every message: forget them between iterations. */
    @Setup(Level.Iteration)
    public void forget() {
        embedded.ifPresent(SmtpServer::reset);
    }

    /**
     * Closes the clients and the embedded server.
     *
     * @throws MessagingException if a transport fails to close
     */
    @TearDown(Level.Trial)
    public void close() throws MessagingException {
        mailer.close();
        trackedMailer.close();
        transport.close();
        timedTransport.close();
        embedded.ifPresent(SmtpServer::close);
    }

    /**
     * The mailer: one send, report checked.
     *
     * @return the report
     */
    @Benchmark
    public DeliveryReport mailer() {
        DeliveryReport report = mailer.send(message);
        if (!report.isFullyAccepted()) throw new IllegalStateException("not accepted: " + report);
        return report;
    }

    /**
     * The mailer with tracking on: a send id, ENVID/ORCPT where DSN is advertised, and the send recorded in an
     * in-memory store (bounded to 10,000 sends, so the store's size stays level). Its difference to
     * {@link #mailer()} is what tracking costs per send.
     *
     * @return the report
     */
    @Benchmark
    public DeliveryReport trackedMailer() {
        DeliveryReport report = trackedMailer.send(message);
        if (!report.isFullyAccepted()) throw new IllegalStateException("not accepted: " + report);
        return report;
    }

    /**
     * A hand-reused Angus transport, Angus's defaults (no write timeout), as a careful user sends.
     *
     * @return the end-of-data reply code
     * @throws MessagingException if the send fails
     */
    @Benchmark
    public int angusTransport() throws MessagingException {
        if (!transportOpen) {
            transport.connect();
            transportOpen = true;
        }
        return sendOn(transport);
    }

    /**
     * The same with {@code mail.smtp.writetimeout=60000}, which the mailer sets by default: Angus then wraps the
     * socket and schedules a timeout task around every write.
     *
     * @return the end-of-data reply code
     * @throws MessagingException if the send fails
     */
    @Benchmark
    public int angusTransportWithWriteTimeout() throws MessagingException {
        if (!timedTransportOpen) {
            timedTransport.connect();
            timedTransportOpen = true;
        }
        return sendOn(timedTransport);
    }

    /** Connected on first use; {@code isConnected()} is no check here, it sends a NOOP. */
    private int sendOn(SMTPTransport t) throws MessagingException {
        message.saveChanges();
        t.sendMessage(message, message.getAllRecipients());
        int code = t.getLastReturnCode();
        if (code != 250) throw new IllegalStateException("not accepted: " + t.getLastServerResponse());
        return code;
    }
}
