package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.SmtpSession;
import org.mailoutcome.testkit.Verb;

/**
 * An {@code SMTPMessage} to a server offering PIPELINING and DSN: its RCPT commands, with the NOTIFY Angus takes from
 * the message's options or else the session's {@code mail.smtp.dsn.notify}, are the very ones plain Angus sends, and
 * they go in one flight with MAIL and DATA: the flight holds Angus's own lines, it predicts none. Plain Angus
 * ({@code Transport.send}, no mailer) is the reference.
 */
class SmtpMessagePipeliningIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String SENDER = "sender@client.test";
    private static final List<String> ENVELOPE = List.of("a@example.test", "b@example.test", "c@example.test");
    private static final String[] EHLO_WITH_DSN = {"250-testkit.local", "250-PIPELINING", "250-DSN",
        "250-ENHANCEDSTATUSCODES", "250 8BITMIME"};

    /** How a message was sent. */
    private enum Sender { PLAIN_ANGUS, MAILER_UNPIPELINED, MAILER_PIPELINED }

    /** The sessions the server saw for one send of an SMTPMessage with {@code options}. */
    private static List<SmtpSession> send(Sender sender, int options, String sessionNotify) {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).start()) {
            server.on(Verb.EHLO).reply(EHLO_WITH_DSN);
            Properties props = server.clientProperties();
            if (sessionNotify != null) props.setProperty("mail.smtp.dsn.notify", sessionNotify);
            Session session = Session.getInstance(props);
            SMTPMessage message = message(session, options, ENVELOPE);
            if (sender == Sender.PLAIN_ANGUS) {
                Transport.send(message);
            } else {
                try (OutcomeMailer mailer = OutcomeMailer.builder(session)
                        .pipelining(sender == Sender.MAILER_PIPELINED).readTimeout(TIMEOUT).build()) {
                    DeliveryReport report = mailer.send(message);
                    assertThat(report.isFullyAccepted()).as(report.toString()).isTrue();
                }
            }
            server.awaitOpenConnections(0, TIMEOUT);
            assertThat(server.messages()).hasSize(1);
            return server.sessions();
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static SMTPMessage message(Session session, int options, List<String> to) throws MessagingException {
        SMTPMessage message = new SMTPMessage(session);
        message.setFrom(new InternetAddress(SENDER));
        for (String a : to) message.addRecipient(Message.RecipientType.TO, new InternetAddress(a));
        message.setSubject("smtp message");
        message.setText("Hello from an SMTPMessage.\r\n");
        if (options != 0) message.setNotifyOptions(options);
        return message;
    }

    private static List<String> rcpts(List<SmtpSession> sessions) {
        return sessions.stream().flatMap(s -> s.commands().stream()).filter(c -> c.startsWith("RCPT ")).toList();
    }

    @ParameterizedTest(name = "options {0}, session notify {1}")
    @CsvSource(nullValues = "unset", value = {
        "-1, unset,           ' NOTIFY=NEVER'",
        "-1, SUCCESS,         ' NOTIFY=NEVER'",
        " 3, unset,           ' NOTIFY=SUCCESS,FAILURE'",
        " 3, DELAY,           ' NOTIFY=SUCCESS,FAILURE'",
        " 4, unset,           ' NOTIFY=DELAY'",
        " 4, 'SUCCESS,FAILURE', ' NOTIFY=DELAY'",
        " 7, unset,           ' NOTIFY=SUCCESS,FAILURE,DELAY'",
        " 0, unset,           ''",
        " 0, 'DELAY,FAILURE', ' NOTIFY=DELAY,FAILURE'",
        " 0, NEVER,           ' NOTIFY=NEVER'"})
    void smtpMessageToADsnServerIsPipelinedWithTheRcptsPlainAngusSends(int options, String sessionNotify,
            String notify) {
        List<String> expected = ENVELOPE.stream().map(a -> "RCPT TO:<" + a + ">" + notify).toList();
        List<SmtpSession> plain = send(Sender.PLAIN_ANGUS, options, sessionNotify);
        List<SmtpSession> unpipelined = send(Sender.MAILER_UNPIPELINED, options, sessionNotify);
        List<SmtpSession> pipelined = send(Sender.MAILER_PIPELINED, options, sessionNotify);

        assertThat(rcpts(plain)).as("plain Angus").isEqualTo(expected);
        assertThat(rcpts(unpipelined)).as("the mailer without pipelining").isEqualTo(rcpts(plain));
        assertThat(rcpts(pipelined)).as("the mailer with pipelining").isEqualTo(rcpts(plain));
        assertThat(plain.get(0).flights()).allMatch(f -> f.size() == 1);
        List<String> group = new ArrayList<>();
        group.add("MAIL FROM:<" + SENDER + ">");
        group.addAll(expected);
        group.add("DATA");
        assertThat(pipelined.get(0).flights()).as("MAIL, the RCPTs and DATA in one flight").contains(group);
    }
}
