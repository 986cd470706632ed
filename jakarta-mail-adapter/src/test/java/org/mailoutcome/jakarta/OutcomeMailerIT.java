package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.AcceptedUnverified;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.DeliveryOutcome.WillForward;
import org.mailoutcome.Disposition;
import org.mailoutcome.Stage;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/** The mailer against the scripted server: every reply at RCPT, MAIL and end of data, and what the server got. */
class OutcomeMailerIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private OutcomeMailer mailer;
    private Session session;

    @BeforeEach
    void startMailer() {
        session = Mails.session(smtp.server());
        mailer = OutcomeMailer.builder(session).readTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void closeMailer() {
        mailer.close();
    }

    @Test
    void everyRecipientAcceptedGetsAcceptedAndTheQueueId() {
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "b@example.test"));
        assertThat(report.isFullyAccepted()).isTrue();
        assertThat(report.recipients()).extracting(r -> r.outcome().name()).containsExactly("Accepted", "Accepted");
        assertThat(report.queueId()).isPresent();
        assertThat(report.messageOutcome()).get().extracting(DeliveryOutcome::stage).isEqualTo(Stage.MESSAGE);
        ReceivedMessage received = smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0);
        assertThat(received.envelopeRecipients()).containsExactly("a@example.test", "b@example.test");
        assertThat(received.text()).contains("Hello from mail-outcome.");
        assertThat(report.messageId()).isPresent();
        assertThat(received.text()).contains(report.messageId().get());
    }

    @Test
    void replies251And252And254AreToldApartAndAllReceiveTheMessage() {
        smtp.on(Verb.RCPT, "fwd@example.test").reply("251 2.1.5 User not local; will forward to <fwd@new.example>");
        smtp.on(Verb.RCPT, "unverified@example.test").reply("252 2.1.5 Cannot VRFY user, but will attempt delivery");
        smtp.on(Verb.RCPT, "held@example.test").reply("254 2.0.0 Accepted, held");
        DeliveryReport report = mailer.send(Mails.message(session, "fwd@example.test", "unverified@example.test",
                "held@example.test"));
        List<DeliveryOutcome> outcomes = report.recipients().stream().map(RecipientOutcome::outcome).toList();
        assertThat(outcomes.get(0)).isInstanceOf(WillForward.class);
        assertThat(outcomes.get(0).forwardPath()).contains("fwd@new.example");
        assertThat(outcomes.get(1)).isInstanceOf(AcceptedUnverified.class);
        assertThat(outcomes.get(2)).isInstanceOf(Accepted.class);
        assertThat(outcomes.get(2).code()).hasValue(254);
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).envelopeRecipients()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "421 4.7.0 Try again later|ServiceUnavailable|TRANSIENT",
        "450 4.2.1 Mailbox temporarily unavailable|MailboxBusy|TRANSIENT",
        "451 4.7.1 Greylisted, please try again later|LocalError|TRANSIENT",
        "452 4.2.2 Mailbox full, try again later|InsufficientStorage|TRANSIENT",
        "455 4.3.0 Server unable to accommodate parameters|TransientFailure|TRANSIENT",
        "550 5.1.1 User unknown in local recipient table|MailboxUnavailable|PERMANENT",
        "551 5.1.6 User not local; please try <new@example.net>|NotLocalNoRelay|PERMANENT",
        "552 5.2.2 Mailbox full|StorageExceeded|PERMANENT",
        "553 5.1.3 Mailbox name not allowed|MailboxNameNotAllowed|PERMANENT",
        "554 5.7.1 Relay access denied|TransactionFailed|PERMANENT",
        "501 5.1.3 Bad recipient address syntax|ProtocolError|PERMANENT",
        "556 5.1.10 Recipient address has null MX|PermanentFailure|PERMANENT",
    })
    void rejectedRecipientGetsItsOutcomeAndTheOthersStillReceiveTheMessage(String reply, String record,
            String disposition) {
        smtp.on(Verb.RCPT, "x@example.test").reply(reply);
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "x@example.test",
                "b@example.test"));
        RecipientOutcome x = report.recipient("x@example.test").orElseThrow();
        assertThat(x.outcome().name()).isEqualTo(record);
        assertThat(x.outcome().stage()).isEqualTo(Stage.RCPT);
        assertThat(x.disposition()).isEqualTo(Disposition.valueOf(disposition));
        assertThat(x.outcome().reply()).get().hasToString(reply);
        assertThat(report.accepted()).extracting(r -> r.address().getAddress())
                .containsExactly("a@example.test", "b@example.test");
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).envelopeRecipients())
                .containsExactly("a@example.test", "b@example.test");
    }

    @Test
    void forwardPathOf551IsInTheOutcome() {
        smtp.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.net>");
        DeliveryReport report = mailer.send(Mails.message(session, "moved@example.test"));
        DeliveryOutcome outcome = report.recipients().get(0).outcome();
        assertThat(outcome).isInstanceOf(NotLocalNoRelay.class);
        assertThat(outcome.forwardPath()).contains("new@example.net");
        assertThat(report.messageOutcome()).isEmpty();
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void multiLineRcptReplyIsKeptWhole() {
        smtp.on(Verb.RCPT, "x@example.test").reply("550-5.1.1 The email account that you tried to reach does not",
                "550-5.1.1 exist. Please try double-checking the recipient's email", "550 5.1.1 address. gsmtp");
        DeliveryOutcome outcome = mailer.send(Mails.message(session, "x@example.test")).recipients().get(0).outcome();
        assertThat(outcome.reply()).get().extracting(r -> r.lines().size()).isEqualTo(3);
        assertThat(outcome.forwardPath()).isEmpty();
    }

    @Test
    void mailFromRejectedGivesEveryRecipientTheMailOutcome() {
        smtp.on(Verb.MAIL).reply("553 5.7.1 <sender@client.test>: Sender address rejected: not owned by user");
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "b@example.test"));
        assertThat(report.recipients()).allSatisfy(r -> {
            assertThat(r.outcome().stage()).isEqualTo(Stage.MAIL);
            assertThat(r.outcome().code()).hasValue(553);
        });
        assertThat(report.messageOutcome()).get().extracting(DeliveryOutcome::stage).isEqualTo(Stage.MAIL);
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void dataRejectedGivesAcceptedRecipientsTheDataOutcome() {
        smtp.on(Verb.RCPT, "x@example.test").reply("550 5.1.1 unknown");
        smtp.on(Verb.DATA).reply("554 5.5.1 Error: no valid recipients");
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "x@example.test"));
        assertThat(report.recipients().get(0).outcome().stage()).isEqualTo(Stage.DATA);
        assertThat(report.recipients().get(0).outcome().code()).hasValue(554);
        assertThat(report.recipients().get(1).outcome().stage()).isEqualTo(Stage.RCPT);
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void endOfDataRejectedGivesAcceptedRecipientsTheMessageOutcome() {
        smtp.on(Verb.END_OF_DATA).reply("552 5.3.4 Message size exceeds fixed limit");
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "b@example.test"));
        assertThat(report.recipients()).allSatisfy(r -> {
            assertThat(r.outcome().name()).isEqualTo("StorageExceeded");
            assertThat(r.outcome().stage()).isEqualTo(Stage.MESSAGE);
        });
        assertThat(report.queueId()).isEmpty();
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void allRejectedGivesEachItsOwnOutcomeAndNoMessage() {
        smtp.on(Verb.RCPT, "x@example.test").reply("550 5.1.1 unknown");
        smtp.on(Verb.RCPT, "y@example.test").reply("450 4.2.1 busy");
        DeliveryReport report = mailer.send(Mails.message(session, "x@example.test", "y@example.test"));
        assertThat(report.rejected()).hasSize(1);
        assertThat(report.deferred()).hasSize(1);
        assertThat(report.messageOutcome()).isEmpty();
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void connectionIsReusedAcrossSends() {
        for (int i = 0; i < 5; i++) {
            assertThat(mailer.send(Mails.message(session, "a@example.test")).isFullyAccepted()).isTrue();
        }
        assertThat(smtp.awaitMessages(5, Duration.ofSeconds(5))).hasSize(5);
        assertThat(smtp.server().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void messageIdIsSetOnceAndMatchesWhatTheServerReceived() throws Exception {
        var message = Mails.message(session, "a@example.test");
        DeliveryReport report = mailer.send(message);
        assertThat(report.messageId()).isEqualTo(Optional.of(message.getMessageID()));
    }

    @Test
    void duplicateAndGroupRecipientsGetOneOutcomeEach() throws Exception {
        var message = Mails.message(session, "a@example.test", "A@example.test");
        message.addRecipients(jakarta.mail.Message.RecipientType.CC,
                jakarta.mail.internet.InternetAddress.parse("team: b@example.test, a@example.test;"));
        DeliveryReport report = mailer.send(message);
        assertThat(report.recipients()).extracting(r -> r.address().getAddress())
                .containsExactly("a@example.test", "b@example.test");
    }
}
