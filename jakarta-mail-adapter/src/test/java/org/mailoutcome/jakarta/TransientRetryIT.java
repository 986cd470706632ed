package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.Backoff;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/** Retrying transient failures, and splitting at the server's recipient limit; no real waiting. */
class TransientRetryIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final List<Duration> slept = new ArrayList<>();
    private final RetryPolicy policy = RetryPolicy.builder().random(() -> 0.5).build();

    private OutcomeMailer mailer(SmtpServer server, RetryPolicy retry) {
        return OutcomeMailer.builder(Mails.session(server)).retryPolicy(retry).sleeper(slept::add).build();
    }

    @Test
    void greylistedRecipientIsRetriedAndTheAcceptedOneNeverGetsASecondCopy() {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        Session session = Mails.session(smtp.server());
        DeliveryReport report;
        try (OutcomeMailer mailer = mailer(smtp.server(), policy)) {
            report = mailer.send(Mails.message(session, "ok@example.test", "grey@example.test"));
        }
        RecipientOutcome grey = report.recipient("grey@example.test").orElseThrow();
        assertThat(grey.attempts()).extracting(a -> a.outcome().name()).containsExactly("LocalError", "Accepted");
        assertThat(report.recipient("ok@example.test").orElseThrow().attempts()).hasSize(1);
        assertThat(slept).containsExactly(Duration.ofSeconds(1));
        assertThat(smtp.awaitMessages(2, Duration.ofSeconds(5))).extracting(ReceivedMessage::envelopeRecipients)
                .containsExactly(List.of("ok@example.test"), List.of("grey@example.test"));
    }

    @Test
    void retriesStopAtMaxAttemptsWithGrowingDelays() {
        smtp.on(Verb.RCPT, "busy@example.test").reply("450 4.2.1 Mailbox temporarily unavailable");
        try (OutcomeMailer mailer = mailer(smtp.server(), policy.toBuilder().maxAttempts(4).build())) {
            DeliveryReport report = mailer.send(Mails.message(Mails.session(smtp.server()), "busy@example.test"));
            assertThat(report.recipients().get(0).attempts()).hasSize(4);
        }
        assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void permanentFailureIsNeverRetried() {
        smtp.on(Verb.RCPT, "x@example.test").reply("550 5.1.1 unknown");
        try (OutcomeMailer mailer = mailer(smtp.server(), policy)) {
            DeliveryReport report = mailer.send(Mails.message(Mails.session(smtp.server()), "x@example.test"));
            assertThat(report.recipients().get(0).attempts()).hasSize(1);
        }
        assertThat(slept).isEmpty();
    }

    @Test
    void maybeDeliveredIsNotRetriedUnlessAskedFor() {
        smtp.on(Verb.END_OF_DATA).times(1).closeBeforeReply();
        try (OutcomeMailer mailer = mailer(smtp.server(), policy)) {
            DeliveryReport report = mailer.send(Mails.message(Mails.session(smtp.server()), "a@example.test"));
            assertThat(report.recipients().get(0).outcome()).isInstanceOf(ConnectionLost.class);
            assertThat(report.recipients().get(0).attempts()).hasSize(1);
        }
        assertThat(slept).isEmpty();
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void connectionLostBeforeTheEndOfDataIsRetried() {
        smtp.on(Verb.DATA).times(1).closeBeforeReply();
        try (OutcomeMailer mailer = mailer(smtp.server(), policy)) {
            DeliveryReport report = mailer.send(Mails.message(Mails.session(smtp.server()), "a@example.test"));
            assertThat(report.recipients().get(0).attempts()).extracting(a -> a.outcome().name())
                    .containsExactly("ConnectionLost", "Accepted");
        }
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void asyncSendRetriesOnTheSchedulerWithoutBlockingTheCaller() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        RetryPolicy immediate = policy.toBuilder().backoff(Backoff.fixed(Duration.ZERO)).build();
        try (OutcomeMailer mailer = mailer(smtp.server(), immediate)) {
            DeliveryReport report = mailer.sendAsync(Mails.message(Mails.session(smtp.server()), "grey@example.test"))
                    .get(10, TimeUnit.SECONDS);
            assertThat(report.recipients().get(0).outcome()).isInstanceOf(Accepted.class);
            assertThat(report.recipients().get(0).attempts()).hasSize(2);
        }
        assertThat(slept).isEmpty();
    }

    @Test
    void recipientLimitSplitsSevenRecipientsIntoThreeTransactions() {
        try (SmtpServer limited = SmtpServer.builder().maxRecipients(3).start()) {
            List<String> seven = List.of("r1@example.test", "r2@example.test", "r3@example.test", "r4@example.test",
                    "r5@example.test", "r6@example.test", "r7@example.test");
            DeliveryReport report;
            try (OutcomeMailer mailer = OutcomeMailer.create(Mails.session(limited))) {
                report = mailer.send(Mails.message(Mails.session(limited), seven.toArray(String[]::new)));
            }
            assertThat(report.isFullyAccepted()).isTrue();
            assertThat(limited.awaitMessages(3, Duration.ofSeconds(5))).extracting(ReceivedMessage::envelopeRecipients)
                    .containsExactly(seven.subList(0, 3), seven.subList(3, 6), seven.subList(6, 7));
            assertThat(report.recipient("r4@example.test").orElseThrow().attempts()).extracting(a -> a.outcome().name())
                    .containsExactly("InsufficientStorage", "Accepted");
            assertThat(limited.connectionsAccepted()).isEqualTo(1);
        }
    }
}
