package org.mailoutcome.jakarta.retry;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Disposition;
import org.mailoutcome.RetryPolicy;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/** A mailer with a retry hand-off returns after the first round; a worker re-sends the stored bytes. */
class RetryHandOffIT {
    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final List<DeferredSend> handedOff = new ArrayList<>();
    private final RetryPolicy policy = RetryPolicy.builder().random(() -> 0.5).build();

    private OutcomeMailer mailer(RetryHandOff handOff) {
        return OutcomeMailer.builder(Session.getInstance(smtp.clientProperties())).retryPolicy(policy)
                .sleeper(d -> {
                    throw new AssertionError("a mailer with a hand-off never sleeps: " + d);
                }).retryHandOff(handOff).build();
    }

    private ScheduledRetry record(DeferredSend send) {
        handedOff.add(send);
        return new ScheduledRetry.Scheduled(send.due(), "send-1");
    }

    static MimeMessage message(String... to) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(smtp.clientProperties()));
        message.setFrom(new InternetAddress("sender@client.test"));
        for (String t : to) message.addRecipient(Message.RecipientType.TO, new InternetAddress(t));
        message.addRecipient(Message.RecipientType.BCC, new InternetAddress("hidden@example.test"));
        message.setSubject("hand-off");
        message.setText("Hello.\r\n");
        return message;
    }

    @Test
    void greylistedRecipientIsHandedOffWithItsAttemptAndTheReportSaysWhenTheRetryIsDue() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        Instant before = Instant.now();
        DeliveryReport report;
        try (OutcomeMailer mailer = mailer(this::record)) {
            report = mailer.send(message("ok@example.test", "grey@example.test"));
        }
        assertThat(report.recipient("grey@example.test").orElseThrow().disposition()).isEqualTo(Disposition.TRANSIENT);
        assertThat(report.scheduledRetry()).get().isInstanceOfSatisfying(ScheduledRetry.Scheduled.class,
                s -> assertThat(s.due()).isAfterOrEqualTo(before.plusSeconds(1)));
        assertThat(report.toString()).contains("retry due");
        DeferredSend send = handedOff.get(0);
        assertThat(send.pending()).singleElement().satisfies(p -> {
            assertThat(p.target().getAddress()).isEqualTo("grey@example.test");
            assertThat(p.attempts()).isEqualTo(1);
            assertThat(p.latest()).isInstanceOf(DeliveryOutcome.LocalError.class);
        });
        assertThat(send.server()).isEqualTo("127.0.0.1:" + smtp.server().port());
        assertThat(send.message().sender()).contains("sender@client.test");
        assertThat(send.message().messageId()).isEqualTo(report.messageId()).isPresent();
        assertThat(new String(send.message().bytes(), java.nio.charset.StandardCharsets.US_ASCII))
                .doesNotContain("hidden@example.test");
    }

    @Test
    void resendDeliversTheStoredBytesUnchangedWithTheHooksInOrder() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        List<String> calls = new ArrayList<>();
        TransactionHooks hooks = new TransactionHooks() {
            @Override
            public void beforeTransaction(List<InternetAddress> to) {
                calls.add("before " + to);
            }

            @Override
            public void beforeEndOfData() {
                calls.add("end of data, messages so far " + smtp.messages().size());
            }

            @Override
            public void afterReplies(DeliveryReport report) {
                calls.add("after " + report.accepted().size());
            }
        };
        try (OutcomeMailer mailer = mailer(this::record)) {
            mailer.send(message("ok@example.test", "grey@example.test"));
            DeferredSend send = handedOff.get(0);
            DeliveryReport retry = Resender.of(mailer).resend(send.message(), List.of(send.pending().get(0).target()), hooks);
            assertThat(retry.isFullyAccepted()).isTrue();
            assertThat(retry.messageId()).isEqualTo(send.message().messageId());
        }
        assertThat(calls).containsExactly("before [grey@example.test]", "end of data, messages so far 1", "after 1");
        List<ReceivedMessage> received = smtp.awaitMessages(2, Duration.ofSeconds(5));
        assertThat(received.get(1).envelopeFrom()).isEqualTo("sender@client.test");
        assertThat(received.get(1).envelopeRecipients()).containsExactly("grey@example.test");
        assertThat(received.get(1).bytes()).isEqualTo(received.get(0).bytes());
    }

    @Test
    void aHookThatFailsBeforeTheEndOfDataDeliversNothing() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        try (OutcomeMailer mailer = mailer(this::record)) {
            mailer.send(message("grey@example.test"));
            DeferredSend send = handedOff.get(0);
            DeliveryReport retry = Resender.of(mailer).resend(send.message(), List.of(send.pending().get(0).target()),
                    new TransactionHooks() {
                        @Override
                        public void beforeEndOfData() throws Exception {
                            throw new java.io.IOException("database down");
                        }
                    });
            assertThat(retry.accepted()).isEmpty();
        }
        assertThat(smtp.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("hidden@example.test"));
    }

    @Test
    void aHandOffThatFailsIsReportedAsNotScheduledAndTheSendStillReturnsItsReport() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        try (OutcomeMailer mailer = mailer(send -> {
            throw new java.io.IOException("connection refused");
        })) {
            DeliveryReport report = mailer.send(message("ok@example.test", "grey@example.test"));
            assertThat(report.accepted()).hasSize(2);
            assertThat(report.deferred()).hasSize(1);
            assertThat(report.scheduledRetry()).get().isInstanceOfSatisfying(ScheduledRetry.NotScheduled.class,
                    n -> assertThat(n.reason()).contains("connection refused"));
        }
    }

    @Test
    void asynchronousSendHandsOffToo() throws Exception {
        smtp.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        try (OutcomeMailer mailer = mailer(this::record)) {
            DeliveryReport report = mailer.sendAsync(message("grey@example.test")).get(10, TimeUnit.SECONDS);
            assertThat(report.scheduledRetry()).get().isInstanceOf(ScheduledRetry.Scheduled.class);
        }
        assertThat(handedOff).hasSize(1);
    }

    @Test
    void aSendWithNothingToRetryNeverCallsTheHandOff() throws Exception {
        try (OutcomeMailer mailer = mailer(this::record)) {
            DeliveryReport report = mailer.send(message("ok@example.test"));
            assertThat(report.scheduledRetry()).isEmpty();
        }
        assertThat(handedOff).isEmpty();
    }
}
