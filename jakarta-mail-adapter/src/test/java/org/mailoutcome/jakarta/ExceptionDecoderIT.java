package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.testkit.Gate;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/**
 * The real Angus client ({@code Transport.send}) against the scripted server and GreenMail: the exception it really
 * throws is decoded, and what the server really received tells whether the report is true.
 */
class ExceptionDecoderIT {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void refusedRecipientWithoutSendpartialAbortsAndTheAcceptedOneIsReportedNotSent() {
        smtp.on(Verb.RCPT, "x@example.test").reply("550 5.1.1 <x@example.test>: Recipient address rejected");
        DeliveryReport report = sendAndDecode(session(), "x@example.test", "a@example.test");

        assertThat(describe(report)).containsExactly("MailboxUnavailable RCPT 550", "ConnectionLost DATA -");
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void refusedRecipientWithSendpartialLetsTheAcceptedOneReceiveTheMessage() {
        smtp.on(Verb.RCPT, "x@example.test").reply("550 5.1.1 <x@example.test>: Recipient address rejected");
        DeliveryReport report = sendAndDecode(session("mail.smtp.sendpartial"), "x@example.test", "a@example.test");

        assertThat(describe(report)).containsExactly("MailboxUnavailable RCPT 550", "Accepted MESSAGE 250");
        ReceivedMessage received = smtp.awaitMessages(1, WAIT).get(0);
        assertThat(received.envelopeRecipients()).containsExactly("a@example.test");
        assertThat(report.queueId()).contains(received.id());
    }

    @Test
    void angus199DuplicateOf252WithReportsuccessIsReportedOnceAsAccepted() {
        smtp.on(Verb.RCPT, "u@example.test").reply("252 2.1.5 Cannot VRFY user, but will attempt delivery");
        DeliveryReport report = sendAndDecode(session("mail.smtp.reportsuccess", "mail.smtp.sendpartial"),
                "u@example.test", "a@example.test");

        assertThat(describe(report)).containsExactly("AcceptedUnverified RCPT 252", "Accepted RCPT 250");
        assertThat(smtp.awaitMessages(1, WAIT).get(0).envelopeRecipients())
                .containsExactly("u@example.test", "a@example.test");
    }

    @Test
    void angus199WithoutSendpartialSendsNothingSoNoRecipientIsReportedAccepted() {
        smtp.on(Verb.RCPT, "u@example.test").reply("252 2.1.5 Cannot VRFY user, but will attempt delivery");
        DeliveryReport report = sendAndDecode(session("mail.smtp.reportsuccess"), "u@example.test");

        assertThat(describe(report)).containsExactly("ConnectionLost DATA -");
        assertThat(((ConnectionLost) report.recipients().get(0).outcome()).detail()).contains("#199");
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void notLocal551CarriesTheForwardPath() {
        smtp.on(Verb.RCPT, "old@example.test").reply("551 5.1.6 User has moved; please try <new@example.net>");
        DeliveryReport report = sendAndDecode(session(), "old@example.test");

        DeliveryOutcome outcome = report.recipients().get(0).outcome();
        assertThat(outcome.name()).isEqualTo("NotLocalNoRelay");
        assertThat(outcome.forwardPath()).contains("new@example.net");
    }

    @Test
    void mailFromRejectedGivesEveryRecipientTheMailReply() {
        smtp.on(Verb.MAIL).reply("553 5.7.1 <sender@client.test>: Sender address rejected: not owned by user");
        DeliveryReport report = sendAndDecode(session(), "a@example.test", "b@example.test");

        assertThat(describe(report)).containsExactly("MailboxNameNotAllowed MAIL 553",
                "MailboxNameNotAllowed MAIL 553");
        assertThat(report.messageOutcome()).map(ExceptionDecoderIT::describe)
                .contains("MailboxNameNotAllowed MAIL 553");
    }

    @Test
    void endOfData554RefusesTheMessageForEveryAcceptedRecipient() {
        smtp.on(Verb.RCPT, "x@example.test").reply("550 5.1.1 unknown");
        smtp.on(Verb.END_OF_DATA).reply("554 5.7.1 Message rejected as spam");
        DeliveryReport report = sendAndDecode(session("mail.smtp.sendpartial"), "a@example.test", "x@example.test");

        assertThat(describe(report)).containsExactly("TransactionFailed MESSAGE 554", "MailboxUnavailable RCPT 550");
        assertThat(report.queueId()).isEmpty();
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void serverClosingAfterEndOfDataIsMaybeDelivered() {
        smtp.on(Verb.END_OF_DATA).closeBeforeReply();
        DeliveryReport report = sendAndDecode(session(), "a@example.test", "b@example.test");

        assertThat(describe(report)).containsExactly("ConnectionLost MESSAGE - maybe",
                "ConnectionLost MESSAGE - maybe");
        assertThat(smtp.awaitMessages(1, WAIT).get(0).maybeDelivered()).isTrue();
    }

    @Test
    void readTimeoutAfterEndOfDataIsFoundInAngusFramesAndIsMaybeDelivered() {
        Gate never = new Gate();
        smtp.on(Verb.END_OF_DATA).holdUntil(never);
        Session session = session();
        session.getProperties().setProperty("mail.smtp.timeout", "300");
        DeliveryReport report = sendAndDecode(session, "a@example.test");

        assertThat(describe(report)).containsExactly("ConnectionLost MESSAGE - maybe");
        assertThat(((ConnectionLost) report.recipients().get(0).outcome()).detail()).contains("SocketTimeoutException");
        never.release();
    }

    @Test
    void serviceUnavailableAtRcptThenHangUpLeavesNoRecipientUnreported() {
        smtp.on(Verb.RCPT, "b@example.test").serviceUnavailable();
        DeliveryReport report = sendAndDecode(session(), "a@example.test", "b@example.test", "c@example.test");

        assertThat(describe(report)).containsExactly("ConnectionLost RCPT -", "ConnectionLost RCPT -",
                "ConnectionLost RCPT -");
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void reportsuccessFullSuccessAgainstGreenMailGivesEachItsRcptReply() throws Exception {
        Session session = Session.getInstance(properties("127.0.0.1", greenMail.getSmtp().getPort(),
                "mail.smtp.reportsuccess"));
        MimeMessage message = Mails.message(session, "a@example.test", "b@example.test");
        MessagingException thrown = catchThrowableOfType(MessagingException.class, () -> Transport.send(message));
        DeliveryReport report = ExceptionDecoder.decode(message, thrown);

        assertThat(describe(report)).containsExactly("Accepted RCPT 250", "Accepted RCPT 250");
        assertThat(report.isFullyAccepted()).isTrue();
        assertThat(greenMail.waitForIncomingEmail(WAIT.toMillis(), 2)).isTrue();
        assertThat(report.messageId()).contains(greenMail.getReceivedMessages()[0].getMessageID());
    }

    private static DeliveryReport sendAndDecode(Session session, String... to) {
        MimeMessage message = Mails.message(session, to);
        MessagingException thrown = catchThrowableOfType(MessagingException.class, () -> Transport.send(message));
        assertThat(thrown).as("Transport.send must throw").isNotNull();
        DeliveryReport report = ExceptionDecoder.decode(message, thrown);
        assertThat(report.recipients()).hasSize(to.length);
        return report;
    }

    private static Session session(String... trueProperties) {
        Properties props = smtp.clientProperties();
        for (String p : trueProperties) props.setProperty(p, "true");
        return Session.getInstance(props);
    }

    private static Properties properties(String host, int port, String... trueProperties) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", host);
        props.setProperty("mail.smtp.port", Integer.toString(port));
        props.setProperty("mail.smtp.connectiontimeout", "10000");
        props.setProperty("mail.smtp.timeout", "10000");
        for (String p : trueProperties) props.setProperty(p, "true");
        return props;
    }

    private static List<String> describe(DeliveryReport report) {
        return report.recipients().stream().map(r -> describe(r.outcome())).toList();
    }

    private static String describe(DeliveryOutcome o) {
        return o.name() + " " + o.stage() + " " + (o.code().isPresent() ? o.code().getAsInt() : "-")
                + (o instanceof ConnectionLost lost && lost.isMaybeDelivered() ? " maybe" : "");
    }
}
