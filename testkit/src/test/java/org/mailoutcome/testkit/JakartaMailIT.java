package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Angus Mail as the client, against scripted replies and faults. */
class JakartaMailIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private SmtpServer smtp;

    @BeforeEach
    void start() {
        smtp = SmtpServer.start();
    }

    @AfterEach
    void stop() {
        smtp.close();
    }

    private Session session(String... keyValues) {
        Properties properties = smtp.clientProperties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return Session.getInstance(properties);
    }

    private MimeMessage message(Session session, String... to) throws MessagingException {
        return Mails.message(session, "sender@client.test", to);
    }

    private static String[] addresses(Address[] addresses) {
        return addresses == null ? new String[0] : Arrays.stream(addresses).map(Address::toString).toArray(String[]::new);
    }

    @Test
    void recipientRejectedWith551IsLeftOutWhenSendingPartially() throws MessagingException {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.net>");
        Session session = session("mail.smtp.sendpartial", "true");
        assertThatThrownBy(() -> Transport.send(message(session, "a@example.test", "moved@example.test")))
                .asInstanceOf(type(SendFailedException.class))
                .satisfies(e -> assertThat(addresses(e.getInvalidAddresses())).containsExactly("moved@example.test"));
        ReceivedMessage received = smtp.messages().get(0);
        assertThat(received.envelopeRecipients()).containsExactly("a@example.test");
        assertThat(received.envelopeFrom()).isEqualTo("sender@client.test");
    }

    @Test
    void forwardPathOf551ReachesTheClientInTheExceptionText() throws MessagingException {
        smtp.on(Verb.RCPT).reply("551 5.1.6 User not local; please try <new@example.net>");
        Session session = session();
        assertThatThrownBy(() -> Transport.send(message(session, "moved@example.test")))
                .asInstanceOf(type(SendFailedException.class))
                .extracting(SendFailedException::getNextException).asInstanceOf(type(SMTPAddressFailedException.class))
                .satisfies(e -> {
                    assertThat(e.getReturnCode()).isEqualTo(551);
                    assertThat(e.getMessage()).contains("please try <new@example.net>");
                });
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void recipientAnswered252IsAccepted() throws MessagingException {
        smtp.on(Verb.RCPT).reply("252 2.1.5 Cannot verify user, will attempt delivery");
        Transport.send(message(session(), "unverified@example.test"));
        assertThat(smtp.messages().get(0).envelopeRecipients()).containsExactly("unverified@example.test");
    }

    @Test
    void greylistedRecipientIsDeferredOnceThenAccepted() throws MessagingException {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        Session session = session();
        assertThatThrownBy(() -> Transport.send(message(session, "grey@example.test")))
                .asInstanceOf(type(SendFailedException.class))
                .extracting(SendFailedException::getNextException).asInstanceOf(type(SMTPAddressFailedException.class))
                .extracting(SMTPAddressFailedException::getReturnCode).isEqualTo(451);
        assertThat(smtp.messages()).isEmpty();
        Transport.send(message(session, "grey@example.test"));
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("grey@example.test"));
    }

    @Test
    void multiLineReplyReachesTheClientWhole() {
        smtp.on(Verb.RCPT, "*@other.test").reply("550-5.1.1 first line", "550 5.1.1 second line");
        Session session = session();
        assertThatThrownBy(() -> Transport.send(message(session, "x@other.test")))
                .asInstanceOf(type(SendFailedException.class))
                .extracting(SendFailedException::getNextException).asInstanceOf(type(MessagingException.class))
                .extracting(MessagingException::getMessage).asString()
                .contains("550-5.1.1 first line\n550 5.1.1 second line");
    }

    @Test
    void serviceUnavailableAtMailFailsTheSendAndClosesTheConnection() {
        smtp.on(Verb.MAIL).serviceUnavailable();
        Session session = session();
        assertThatThrownBy(() -> Transport.send(message(session, "a@example.test")))
                .asInstanceOf(type(SMTPSendFailedException.class))
                .satisfies(e -> {
                    assertThat(e.getReturnCode()).isEqualTo(421);
                    assertThat(e.getMessage()).contains("4.3.2 Service not available");
                });
        smtp.awaitOpenConnections(0, WAIT);
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void connectionClosedAfterEndOfDataIsMaybeDelivered() {
        smtp.on(Verb.END_OF_DATA).closeBeforeReply();
        Session session = session();
        assertThatThrownBy(() -> Transport.send(message(session, "a@example.test")))
                .isInstanceOf(MessagingException.class);
        assertThat(smtp.messages()).singleElement().satisfies(m -> {
            assertThat(m.maybeDelivered()).isTrue();
            assertThat(m.mimeMessage().getSubject()).isEqualTo("testkit");
        });
    }

    @Test
    void heldReplyMakesTheClientTimeOutAndTheServerStillDelivers() {
        Gate gate = new Gate();
        smtp.on(Verb.END_OF_DATA).holdUntil(gate);
        Session session = session("mail.smtp.timeout", "500");
        assertThatThrownBy(() -> Transport.send(message(session, "a@example.test")))
                .isInstanceOf(MessagingException.class).hasRootCauseInstanceOf(SocketTimeoutException.class);
        assertThat(gate.arrivals()).isEqualTo(1);
        assertThat(smtp.messages()).isEmpty();
        gate.release();
        assertThat(smtp.awaitMessages(1, WAIT).get(0).maybeDelivered()).isFalse();
        smtp.awaitOpenConnections(0, WAIT);
    }

    @Test
    void messageOverTheSizeLimitIsRefusedAfterData() throws Exception {
        try (SmtpServer small = SmtpServer.builder().maxMessageSize(200).start()) {
            MimeMessage big = Mails.message(Session.getInstance(small.clientProperties()), "s@client.test", "a@x.test");
            big.setText("x".repeat(1000));
            assertThatThrownBy(() -> Transport.send(big)).asInstanceOf(type(SMTPSendFailedException.class))
                    .satisfies(e -> {
                        assertThat(e.getReturnCode()).isEqualTo(552);
                        assertThat(e.getCommand()).isEqualTo(".");
                    });
            assertThat(small.messages()).isEmpty();
        }
    }

    @Test
    void recipientsOverTheLimitAreDeferredWith452() throws Exception {
        try (SmtpServer limited = SmtpServer.builder().maxRecipients(2).start()) {
            Properties properties = limited.clientProperties();
            properties.setProperty("mail.smtp.sendpartial", "true");
            MimeMessage message = Mails.message(Session.getInstance(properties), "s@client.test",
                    "1@example.test", "2@example.test", "3@example.test");
            assertThatThrownBy(() -> Transport.send(message)).asInstanceOf(type(SendFailedException.class))
                    .satisfies(e -> assertThat(addresses(e.getValidUnsentAddresses())).contains("3@example.test"));
            assertThat(limited.messages().get(0).envelopeRecipients())
                    .containsExactly("1@example.test", "2@example.test");
            assertThat(limited.sessions().get(0).replies()).contains("452 4.5.3 Error: too many recipients");
        }
    }

    @Test
    void oneConnectedTransportSendsManyMessagesOnOneConnection() throws MessagingException {
        Session session = session();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < 3; i++) {
                MimeMessage message = message(session, "r" + i + "@example.test");
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        assertThat(smtp.messages()).extracting(m -> m.envelopeRecipients().get(0))
                .containsExactly("r0@example.test", "r1@example.test", "r2@example.test");
        assertThat(smtp.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void receivedDataParsesBackToTheSentMessage() throws Exception {
        Transport.send(message(session(), "a@example.test"));
        MimeMessage received = smtp.messages().get(0).mimeMessage();
        assertThat(received.getSubject()).isEqualTo("testkit");
        assertThat(received.getContent()).asString().contains(".leading dot line");
    }
}
