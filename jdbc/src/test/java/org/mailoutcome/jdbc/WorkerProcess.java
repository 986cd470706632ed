package org.mailoutcome.jdbc;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import org.mailoutcome.Backoff;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.retry.ScheduledRetry;

/**
 * A child JVM for the crash tests, started from the test class path. {@code send URL PORT BACKOFF_MS TO} sends
 * with the durable hand-off, runs a worker, prints {@code scheduled <id>} and waits for stdin to close (or
 * kill -9). {@code work URL PORT} runs a worker, prints {@code started}, and stops when stdin closes, printing
 * {@code rounds N}: how many retry rounds it ran.
 */
public final class WorkerProcess {
    private static final java.util.concurrent.atomic.AtomicInteger ROUNDS = new java.util.concurrent.atomic.AtomicInteger();

    private WorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        // A quick heartbeat lets the crash tests take a dead worker's round over within a second; the two "work"
        // JVMs count their rounds, and a JVM that stalls on a loaded machine must not lose its round to the other.
        Duration heartbeat = Duration.ofMillis(args[0].equals("work") ? 2_000 : 250);
        JdbcRetries retries = JdbcRetries.builder(JdbcRetries.dataSource(args[1]))
                .pollingInterval(Duration.ofMillis(100)).heartbeat(heartbeat).build();
        Session session = session(Integer.parseInt(args[2]));
        RetryPolicy policy = RetryPolicy.builder().jitter(0).maxAttempts(3)
                .backoff(Backoff.fixed(Duration.ofMillis(args[0].equals("send") ? Long.parseLong(args[3]) : 100)))
                .build();
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).retryPolicy(policy).retryHandOff(retries).build();
                RetryWorker worker = retries.startWorker(server -> {
                    ROUNDS.incrementAndGet();
                    return mailer;
                })) {
            if (args[0].equals("send")) {
                DeliveryReport report = mailer.send(message(session, args[4]));
                ScheduledRetry.Scheduled s = (ScheduledRetry.Scheduled) report.scheduledRetry().orElseThrow();
                System.out.println("scheduled " + s.id());
            } else {
                System.out.println("started");
            }
            System.out.flush();
            waitForStdinToClose();
        }
        System.out.println("rounds " + ROUNDS.get());
    }

    static Session session(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.localhost", "client.test");
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "30000");
        return Session.getInstance(p);
    }

    static MimeMessage message(Session session, String... to) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("app@client.test"));
        for (String t : to) m.addRecipient(Message.RecipientType.TO, new InternetAddress(t));
        m.setSubject("durable retry");
        m.setText("Hello, once.\r\n");
        return m;
    }

    private static void waitForStdinToClose() throws IOException {
        while (System.in.read() != -1) {
            // input is ignored: the parent closes stdin to stop the worker
        }
    }
}
