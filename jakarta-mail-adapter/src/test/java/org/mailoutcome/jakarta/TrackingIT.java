package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.jakarta.tracking.DeliveryStore;
import org.mailoutcome.jakarta.tracking.DeliveryStoreException;
import org.mailoutcome.jakarta.tracking.FateChange;
import org.mailoutcome.jakarta.tracking.FateUpdate;
import org.mailoutcome.jakarta.tracking.Fate;
import org.mailoutcome.jakarta.tracking.InMemoryDeliveryStore;
import org.mailoutcome.jakarta.tracking.SentMessage;
import org.mailoutcome.jakarta.tracking.Tracking;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.testkit.Verb;

/** Tracked sends: the keys on the wire (scripted server, GreenMail) and the record in the store. */
class TrackingIT {
    private static final String[] EHLO_WITH_DSN = {"250-testkit.local", "250-DSN", "250-ENHANCEDSTATUSCODES",
        "250 8BITMIME"};

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final AtomicInteger ids = new AtomicInteger();

    private Tracking.Builder tracking(InMemoryDeliveryStore store) {
        return Tracking.builder().store(store).ids(() -> "send" + ids.incrementAndGet());
    }

    private DeliveryReport send(Tracking tracking, Session session, String... to) {
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).tracking(tracking)
                .readTimeout(Duration.ofSeconds(5)).build()) {
            return mailer.send(Mails.message(session, to));
        }
    }

    private static List<String> commands(String verbPrefix) {
        return smtp.sessions().stream().flatMap(s -> s.commands().stream()).filter(c -> c.startsWith(verbPrefix))
                .toList();
    }

    @Test
    void aServerAdvertisingDsnGetsTheSendIdAsEnvidAndTheSendIsRecorded() {
        smtp.on(Verb.EHLO).reply(EHLO_WITH_DSN);
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.1 <gone@example.test>: User unknown");
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();

        DeliveryReport report = send(tracking(store).build(), Mails.session(smtp.server()), "a@example.test",
                "gone@example.test");

        assertThat(commands("MAIL")).containsExactly("MAIL FROM:<sender@client.test> ENVID=send1");
        SentMessage sent = store.findByEnvelopeId("send1").orElseThrow();
        assertThat(sent.id()).isEqualTo("send1");
        assertThat(sent.messageId()).isEqualTo(report.messageId());
        assertThat(sent.server()).isEqualTo("127.0.0.1:" + smtp.port());
        assertThat(sent.verpToken()).isEmpty();
        assertThat(sent.recipients()).extracting(r -> r.address() + " " + r.outcome().name() + " " + r.fate().name())
                .containsExactly("a@example.test Accepted Pending", "gone@example.test MailboxUnavailable NotAccepted");
        assertThat(store.findByMessageId(report.messageId().orElseThrow())).containsExactly(sent);
    }

    @Test
    void aServerWithoutDsnGetsNoDsnParameterAndTheSendIsFoundByItsMessageId() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();

        DeliveryReport report = send(tracking(store).notifyOn(Tracking.Notify.FAILURE).ret(Tracking.Ret.HDRS).build(),
                Mails.session(smtp.server()), "a@example.test");

        assertThat(commands("MAIL")).containsExactly("MAIL FROM:<sender@client.test>");
        assertThat(commands("RCPT")).containsExactly("RCPT TO:<a@example.test>");
        SentMessage sent = store.findByMessageId(report.messageId().orElseThrow()).get(0);
        assertThat(sent.envelopeId()).isEmpty();
        assertThat(store.findByEnvelopeId("send1")).isEmpty();
    }

    @Test
    void notifyGoesOnEveryRcptAndRetOnMailFromReplacingTheSessions() {
        smtp.on(Verb.EHLO).reply(EHLO_WITH_DSN);
        Properties props = smtp.clientProperties();
        props.setProperty("mail.smtp.dsn.notify", "NEVER");
        props.setProperty("mail.smtp.dsn.ret", "FULL");
        Tracking tracking = tracking(new InMemoryDeliveryStore())
                .notifyOn(Tracking.Notify.FAILURE, Tracking.Notify.DELAY).ret(Tracking.Ret.HDRS).build();

        send(tracking, Session.getInstance(props), "a@example.test", "b@example.test");

        assertThat(commands("MAIL")).containsExactly("MAIL FROM:<sender@client.test> RET=HDRS ENVID=send1");
        assertThat(commands("RCPT")).containsExactly(
                "RCPT TO:<a@example.test> NOTIFY=DELAY,FAILURE ORCPT=rfc822;a@example.test",
                "RCPT TO:<b@example.test> NOTIFY=DELAY,FAILURE ORCPT=rfc822;b@example.test");
    }

    @Test
    void aTrackedSendIsPipelinedWithItsDsnParametersOnTheCommandsWrittenAhead() {
        // Regression: the RCPTs written ahead were predicted from Angus's commands, the tracked ones rewritten
        // afterwards; each then missed its claim, and the send fell back to lock-step with replies left owed.
        smtp.on(Verb.EHLO).reply("250-testkit.local", "250-PIPELINING", "250-DSN", "250-ENHANCEDSTATUSCODES",
                "250 8BITMIME");
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.1 <gone@example.test>: User unknown");
        Tracking tracking = tracking(new InMemoryDeliveryStore()).notifyOn(Tracking.Notify.FAILURE).build();

        DeliveryReport report = send(tracking, Mails.session(smtp.server()), "a@example.test", "gone@example.test");

        assertThat(report.recipients()).extracting(r -> r.outcome().name())
                .containsExactly("Accepted", "MailboxUnavailable");
        assertThat(smtp.sessions().get(0).flights()).contains(List.of("MAIL FROM:<sender@client.test> ENVID=send1",
                "RCPT TO:<a@example.test> NOTIFY=FAILURE ORCPT=rfc822;a@example.test",
                "RCPT TO:<gone@example.test> NOTIFY=FAILURE ORCPT=rfc822;gone@example.test", "DATA"));
        assertThat(smtp.messages()).hasSize(1);
    }

    @Test
    void theSessionsNotifyStaysWhenTrackingChoosesNone() {
        smtp.on(Verb.EHLO).reply(EHLO_WITH_DSN);
        Properties props = smtp.clientProperties();
        props.setProperty("mail.smtp.dsn.notify", "SUCCESS");

        send(tracking(new InMemoryDeliveryStore()).build(), Session.getInstance(props), "a@example.test");

        assertThat(commands("RCPT")).containsExactly("RCPT TO:<a@example.test> NOTIFY=SUCCESS ORCPT=rfc822;a@example.test");
    }

    @Test
    void aVerpDomainMakesTheEnvelopeSenderCarryTheToken() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();

        send(tracking(store).verpDomain("bounces.client.test").build(), Mails.session(smtp.server()),
                "a@example.test");

        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).envelopeFrom())
                .isEqualTo("bounces+send1@bounces.client.test");
        assertThat(store.findByVerpToken("send1")).get().extracting(SentMessage::verpToken).isEqualTo(Optional.of("send1"));
    }

    @Test
    void everyTransactionOfOneSendCarriesTheSameEnvidAndTheSendIsRecordedOnce() {
        SmtpServer limited = SmtpServer.builder().maxRecipients(1).start();
        try (limited) {
            limited.on(Verb.EHLO).reply(EHLO_WITH_DSN);
            InMemoryDeliveryStore store = new InMemoryDeliveryStore();

            DeliveryReport report = send(tracking(store).build(), Mails.session(limited), "a@example.test",
                    "b@example.test");

            assertThat(report.isFullyAccepted()).isTrue();
            assertThat(limited.sessions().stream().flatMap(s -> s.commands().stream())
                    .filter(c -> c.startsWith("MAIL"))).containsExactly("MAIL FROM:<sender@client.test> ENVID=send1",
                    "MAIL FROM:<sender@client.test> ENVID=send1");
            assertThat(store.size()).isEqualTo(1);
            assertThat(store.find("send1").orElseThrow().recipients()).extracting(r -> r.fate().name())
                    .containsExactly("Pending", "Pending");
        }
    }

    @Test
    void aStoreThatFailsIsLoggedAndTheReportStillReturned() {
        FailingStore failing = new FailingStore();
        Tracking tracking = Tracking.builder().store(failing).build();

        DeliveryReport report = send(tracking, Mails.session(smtp.server()), "a@example.test");

        assertThat(report.isFullyAccepted()).isTrue();
        assertThat(failing.attempts).hasValue(1);
    }

    @Test
    void anAsynchronousSendIsRecordedBeforeItsFutureCompletes() throws Exception {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        Session session = Mails.session(smtp.server());
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).tracking(tracking(store).build()).build()) {
            DeliveryReport report = mailer.sendAsync(Mails.message(session, "a@example.test")).get(10, TimeUnit.SECONDS);

            assertThat(store.findByMessageId(report.messageId().orElseThrow())).hasSize(1);
        }
    }

    @Test
    void greenMailReceivesATrackedSendAndTheStoreHasItsMessageId() throws Exception {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        Session session = Mails.session("127.0.0.1", greenMail.getSmtp().getPort());

        DeliveryReport report = send(tracking(store).verpDomain("bounces.client.test").build(), session,
                "a@example.test");

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(report.messageId()).contains(received.getMessageID());
        SentMessage sent = store.findByMessageId(received.getMessageID()).get(0);
        assertThat(sent.envelopeId()).isEmpty(); // GreenMail does not advertise DSN
        assertThat(sent.verpToken()).contains("send1");
        assertThat(received.getHeader("Return-Path", null)).contains("bounces+send1@bounces.client.test");
        assertThat(sent.recipients().get(0).fate()).isEqualTo(new Fate.Pending());
    }

    @Test
    void withoutTrackingNothingIsAddedEvenWhenTheServerAdvertisesDsn() {
        smtp.on(Verb.EHLO).reply(EHLO_WITH_DSN);
        Session session = Mails.session(smtp.server());
        try (OutcomeMailer mailer = OutcomeMailer.create(session)) {
            mailer.send(Mails.message(session, "a@example.test"));
        }
        assertThat(commands("MAIL")).containsExactly("MAIL FROM:<sender@client.test>");
    }

    /** A store whose every write fails, as a database that is down. */
    private static final class FailingStore implements DeliveryStore {
        final AtomicInteger attempts = new AtomicInteger();

        @Override
        public void record(SentMessage message) {
            attempts.incrementAndGet();
            throw new DeliveryStoreException("database is down");
        }

        @Override
        public Optional<SentMessage> find(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<SentMessage> findByEnvelopeId(String envelopeId) {
            return Optional.empty();
        }

        @Override
        public Optional<SentMessage> findByVerpToken(String verpToken) {
            return Optional.empty();
        }

        @Override
        public List<SentMessage> findByMessageId(String messageId) {
            return List.of();
        }

        @Override
        public FateUpdate update(FateChange change) {
            throw new DeliveryStoreException("database is down");
        }

        @Override
        public List<SentMessage> unresolved(int limit) {
            return List.of();
        }
    }
}
