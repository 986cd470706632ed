package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.testkit.SmtpServer;

/**
 * Once the message goes in the flight with MAIL (BDAT), a connection found closed could have delivered it, so a
 * pooled connection that was idle for more than {@link TransactionSender#LIVENESS_CHECK_AFTER} is asked NOOP first:
 * one the server dropped while idle (Postfix's and the testkit's 421 on a read timeout) is replaced before anything of
 * the message goes, and the message is delivered once on a new connection, with no "maybe" in the report. A
 * connection in steady use is asked nothing. The pool's clock is the test's.
 */
class IdleConnectionIT {
    private final AtomicLong clock = new AtomicLong();

    private DeliveryReport send(TransactionSender sender, Session session) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sender@client.test"));
        message.setRecipients(Message.RecipientType.TO, "a@example.test");
        message.setSubject("idle");
        message.setText("Hello after a pause.\r\n");
        message.saveChanges();
        return sender.send(message, List.of(new InternetAddress("a@example.test")), Optional.empty());
    }

    private TransactionSender sender(ConnectionPool pool) {
        return new TransactionSender(pool, Optional.empty());
    }

    private ConnectionPool pool(SmtpServer server) {
        Session session = MailerSessions.create(Session.getInstance(server.clientProperties()),
                new MailerSessions.Timeouts(null, Duration.ofSeconds(5), null),
                new MailerSessions.Writing(new Pipelining(true), true));
        return new ConnectionPool(session, 1, Duration.ofMinutes(10), 1000, clock::get);
    }

    @Test
    void aConnectionTheServerDroppedWhileIdleIsReplacedBeforeTheFlightGoes() throws Exception {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).chunking(true)
                .readTimeout(Duration.ofMillis(300)).start(); ConnectionPool pool = pool(server)) {
            Session session = Session.getInstance(server.clientProperties());
            TransactionSender sender = sender(pool);
            assertThat(send(sender, session).isFullyAccepted()).isTrue();
            server.awaitOpenConnections(0, Duration.ofSeconds(5)); // the server's read timeout closed it
            clock.addAndGet(TransactionSender.LIVENESS_CHECK_AFTER.plusSeconds(1).toNanos());

            DeliveryReport after = send(sender, session);

            assertThat(after.isFullyAccepted()).as(after.toString()).isTrue();
            assertThat(server.messages()).hasSize(2);
            assertThat(server.sessions()).hasSize(2);
            assertThat(server.sessions().get(0).commands()).as("nothing of the second message on the dropped one")
                    .filteredOn(c -> c.startsWith("MAIL")).hasSize(1);
        }
    }

    @Test
    void aConnectionInSteadyUseIsAskedNothing() throws Exception {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).chunking(true).start();
                ConnectionPool pool = pool(server)) {
            Session session = Session.getInstance(server.clientProperties());
            TransactionSender sender = sender(pool);
            for (int i = 0; i < 3; i++) {
                assertThat(send(sender, session).isFullyAccepted()).isTrue();
                clock.addAndGet(Duration.ofSeconds(1).toNanos());
            }
            clock.addAndGet(TransactionSender.LIVENESS_CHECK_AFTER.plusSeconds(1).toNanos());
            assertThat(send(sender, session).isFullyAccepted()).isTrue();
            pool.close();
            server.awaitOpenConnections(0, Duration.ofSeconds(5));
            assertThat(server.sessions()).singleElement().satisfies(s -> assertThat(s.commands())
                    .filteredOn(c -> c.equals("NOOP")).as("one NOOP, after the long pause only").hasSize(1));
        }
    }
}
