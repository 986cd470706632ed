package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testsupport.FreePorts;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.Disposition;
import org.mailoutcome.Stage;
import org.mailoutcome.testkit.Gate;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/** Faults: every recipient still gets exactly one outcome, nothing hangs, and the next send works. */
class OutcomeMailerFaultsIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private OutcomeMailer mailer;
    private Session session;

    @BeforeEach
    void startMailer() {
        session = Mails.session(smtp.server());
        mailer = OutcomeMailer.builder(session).readTimeout(Duration.ofMillis(700)).build();
    }

    @AfterEach
    void nextSendOnTheSameMailerSucceeds() {
        smtp.server().reset();
        assertThat(mailer.send(Mails.message(session, "after@example.test")).isFullyAccepted()).isTrue();
        mailer.close();
    }

    @Test
    void connectionClosedAfterEndOfDataIsMaybeDelivered() {
        smtp.on(Verb.END_OF_DATA).closeBeforeReply();
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "b@example.test"));
        assertThat(report.recipients()).allSatisfy(r -> {
            assertThat(r.outcome()).isInstanceOf(ConnectionLost.class);
            assertThat(((ConnectionLost) r.outcome()).isMaybeDelivered()).isTrue();
            assertThat(r.outcome().stage()).isEqualTo(Stage.MESSAGE);
        });
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).maybeDelivered()).isTrue();
    }

    @Test
    void truncatedEndOfDataReplyIsMaybeDelivered() {
        smtp.on(Verb.END_OF_DATA).truncated();
        DeliveryOutcome outcome = mailer.send(Mails.message(session, "a@example.test")).recipients().get(0).outcome();
        assertThat(outcome).isInstanceOfSatisfying(ConnectionLost.class, l -> assertThat(l.isMaybeDelivered()).isTrue());
    }

    @Test
    void connectionClosedBeforeRcptReplyLosesThatAndLaterRecipientsButNotEarlierRejections() {
        smtp.on(Verb.RCPT, "x@example.test").reply("550 5.1.1 unknown");
        smtp.on(Verb.RCPT, "y@example.test").closeBeforeReply();
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "x@example.test",
                "y@example.test", "z@example.test"));
        assertThat(report.recipients()).hasSize(4);
        assertThat(report.recipients().get(1).outcome().code()).hasValue(550);
        for (int i : new int[] {0, 2, 3}) {
            DeliveryOutcome outcome = report.recipients().get(i).outcome();
            assertThat(outcome).isInstanceOf(ConnectionLost.class);
            assertThat(((ConnectionLost) outcome).isMaybeDelivered()).isFalse();
        }
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void serviceUnavailableThenCloseAtRcptDefersEveryoneNotRejected() {
        smtp.on(Verb.RCPT, "x@example.test").serviceUnavailable();
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "x@example.test",
                "b@example.test"));
        assertThat(report.recipients()).allSatisfy(r -> assertThat(r.disposition()).isEqualTo(Disposition.TRANSIENT));
        assertThat(report.recipients().get(1).outcome().code()).hasValue(421);
        assertThat(report.recipients().get(0).outcome().code()).hasValue(421);
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void replyThatNeverComesTimesOutAsConnectionLost() {
        Gate gate = new Gate();
        smtp.on(Verb.RCPT, "slow@example.test").holdUntil(gate);
        try {
            DeliveryReport report = mailer.send(Mails.message(session, "slow@example.test"));
            DeliveryOutcome outcome = report.recipients().get(0).outcome();
            assertThat(outcome).isInstanceOf(ConnectionLost.class);
            assertThat(outcome.stage()).isEqualTo(Stage.RCPT);
            assertThat(((ConnectionLost) outcome).detail()).containsIgnoringCase("timed out");
        } finally {
            gate.release();
        }
    }

    @Test
    void garbageReplyToRcptIsUnexpected() {
        smtp.on(Verb.RCPT, "x@example.test").garbage();
        DeliveryReport report = mailer.send(Mails.message(session, "x@example.test", "b@example.test"));
        assertThat(report.recipients().get(0).outcome().name()).isEqualTo("Unexpected");
        assertThat(report.recipients().get(0).outcome().reply()).isEmpty();
        assertThat(report.recipients()).hasSize(2);
        assertThat(report.recipients().get(1).disposition()).isNotEqualTo(Disposition.SUCCESS);
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void greetingRefusedGivesEveryRecipientTheConnectOutcome() {
        smtp.on(Verb.CONNECT).times(1).replyThenClose("554 5.3.2 mx.example.test does not accept mail");
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "b@example.test"));
        assertThat(report.recipients()).allSatisfy(r -> {
            assertThat(r.outcome().stage()).isEqualTo(Stage.CONNECT);
            assertThat(r.outcome().code()).hasValue(554);
        });
    }

    @Test
    void staleIdleConnectionIsReplacedWithoutLosingTheMessage() {
        assertThat(mailer.send(Mails.message(session, "a@example.test")).isFullyAccepted()).isTrue();
        smtp.on(Verb.MAIL).times(1).closeBeforeReply();
        DeliveryReport report = mailer.send(Mails.message(session, "b@example.test"));
        assertThat(report.isFullyAccepted()).isTrue();
        assertThat(smtp.awaitMessages(2, Duration.ofSeconds(5))).hasSize(2);
    }

    @Test
    void refusedConnectionIsConnectionLostAtConnect() throws Exception {
        int closedPort = FreePorts.one();
        Session nowhere = Mails.session("127.0.0.1", closedPort);
        try (OutcomeMailer other = OutcomeMailer.create(nowhere)) {
            DeliveryOutcome outcome = other.send(Mails.message(nowhere, "a@example.test")).recipients().get(0).outcome();
            assertThat(outcome).isInstanceOf(ConnectionLost.class);
            assertThat(outcome.stage()).isEqualTo(Stage.CONNECT);
        }
    }

    @Test
    void serviceUnavailableToTheLastRcptIsTheOutcomeOfTheRecipientsAcceptedBeforeIt() {
        smtp.on(Verb.RCPT, "last@example.test").serviceUnavailable();
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test", "last@example.test"));
        assertThat(report.recipients()).allSatisfy(r -> {
            assertThat(r.outcome().code()).hasValue(421);
            assertThat(r.outcome().stage()).isEqualTo(Stage.RCPT);
        });
        assertThat(smtp.messages()).isEmpty();
    }

    @Test
    void serviceUnavailableToEhloIsReportedRatherThanTheLostHeloAfterIt() {
        smtp.on(Verb.EHLO).times(1).serviceUnavailable();
        DeliveryReport report = mailer.send(Mails.message(session, "a@example.test"));
        assertThat(report.recipients().get(0).outcome()).isInstanceOfSatisfying(
                DeliveryOutcome.ServiceUnavailable.class, o -> assertThat(o.stage()).isEqualTo(Stage.EHLO));
    }
}
