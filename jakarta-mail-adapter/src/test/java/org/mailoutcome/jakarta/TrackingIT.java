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
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.ReportedFate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.tracking.Verp;
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

    private static Tracking.Builder tracking(InMemoryDeliveryStore store) {
        return Tracking.builder(store);
    }

    /** The id the mailer gave the send of this report. */
    private static String idOf(InMemoryDeliveryStore store, DeliveryReport report) {
        return store.findByMessageId(report.messageId().orElseThrow()).get(0).id();
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

        String id = idOf(store, report);
        assertThat(id).matches("[a-z2-7]{26}");
        assertThat(commands("MAIL")).containsExactly("MAIL FROM:<sender@client.test> ENVID=" + id);
        SentMessage sent = store.findByEnvelopeId(id).orElseThrow();
        assertThat(sent.id()).isEqualTo(id);
        assertThat(sent.messageId()).isEqualTo(report.messageId());
        assertThat(sent.server()).isEqualTo("127.0.0.1:" + smtp.port());
        assertThat(sent.verpToken()).isEmpty();
        assertThat(sent.recipients()).extracting(r -> r.address() + " " + r.outcome().name() + " " + r.fate().name())
                .containsExactly("a@example.test Accepted Pending", "gone@example.test MailboxUnavailable NotAccepted");
        assertThat(store.findByMessageId(report.messageId().orElseThrow())).containsExactly(sent);
    }

    @Test
    void aProviderNamedGetsItsCorrelationHeaderOnACopyAndItsEndOfDataIdIsTheQueueId() throws Exception {
        smtp.on(Verb.END_OF_DATA).reply("250 Ok 0102018fdd2c0f11-2f4e6a8c-000000");
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        Session session = Mails.session(smtp.server());
        MimeMessage message = Mails.message(session, "a@example.test");

        DeliveryReport report;
        try (OutcomeMailer mailer = OutcomeMailer.builder(session)
                .tracking(tracking(store).provider(Provider.POSTMARK).build()).readTimeout(Duration.ofSeconds(5))
                .build()) {
            report = mailer.send(message);
        }

        SentMessage sent = store.findByQueueId("0102018fdd2c0f11-2f4e6a8c-000000").get(0);
        assertThat(report.queueId()).contains("0102018fdd2c0f11-2f4e6a8c-000000");
        String wire = smtp.messages().get(0).text();
        assertThat(wire).contains("X-PM-Metadata-mail-outcome-id: " + sent.id())
                .contains("Message-ID: " + message.getMessageID());
        assertThat(message.getHeader("X-PM-Metadata-mail-outcome-id")).isNull();
        assertThat(sent.messageId()).contains(message.getMessageID());
    }

    @Test
    void aMessageWithItsOwnCorrelationHeaderKeepsIt() throws Exception {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();
        Session session = Mails.session(smtp.server());
        MimeMessage message = Mails.message(session, "a@example.test");
        message.setHeader("X-SMTPAPI", "{\"category\":\"invoices\"}");

        try (OutcomeMailer mailer = OutcomeMailer.builder(session)
                .tracking(tracking(store).provider(Provider.SENDGRID).build()).readTimeout(Duration.ofSeconds(5))
                .build()) {
            mailer.send(message);
        }

        assertThat(smtp.messages().get(0).text()).contains("X-SMTPAPI: {\"category\":\"invoices\"}")
                .doesNotContain("mail-outcome-id");
        assertThat(store.recent(1)).hasSize(1);
    }

    @Test
    void aServerWithoutDsnGetsNoDsnParameterAndTheSendIsFoundByItsMessageId() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();

        Properties props = smtp.clientProperties();
        props.setProperty("mail.smtp.dsn.notify", "FAILURE");
        props.setProperty("mail.smtp.dsn.ret", "HDRS");
        DeliveryReport report = send(tracking(store).build(), Session.getInstance(props), "a@example.test");

        assertThat(commands("MAIL")).containsExactly("MAIL FROM:<sender@client.test>");
        assertThat(commands("RCPT")).containsExactly("RCPT TO:<a@example.test>");
        SentMessage sent = store.findByMessageId(report.messageId().orElseThrow()).get(0);
        assertThat(sent.envelopeId()).isEmpty();
        assertThat(store.findByEnvelopeId(sent.id())).isEmpty();
    }

    @Test
    void theSessionsNotifyAndRetGoBesideTheTrackingsEnvidAndOrcpt() {
        smtp.on(Verb.EHLO).reply(EHLO_WITH_DSN);
        Properties props = smtp.clientProperties();
        props.setProperty("mail.smtp.dsn.notify", "FAILURE,DELAY");
        props.setProperty("mail.smtp.dsn.ret", "HDRS");
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();

        DeliveryReport report = send(tracking(store).build(), Session.getInstance(props), "a@example.test",
                "b@example.test");

        assertThat(commands("MAIL")).containsExactly("MAIL FROM:<sender@client.test> RET=HDRS ENVID="
                + idOf(store, report));
        assertThat(commands("RCPT")).containsExactly(
                "RCPT TO:<a@example.test> NOTIFY=FAILURE,DELAY ORCPT=rfc822;a@example.test",
                "RCPT TO:<b@example.test> NOTIFY=FAILURE,DELAY ORCPT=rfc822;b@example.test");
    }

    @Test
    void aTrackedSendIsPipelinedWithItsDsnParametersOnTheCommandsWrittenAhead() {
        // Regression: the RCPTs written ahead were predicted from Angus's commands, the tracked ones rewritten
        // afterwards; each then missed its claim, and the send fell back to lock-step with replies left owed.
        smtp.on(Verb.EHLO).reply("250-testkit.local", "250-PIPELINING", "250-DSN", "250-ENHANCEDSTATUSCODES",
                "250 8BITMIME");
        smtp.on(Verb.RCPT, "gone@example.test").reply("550 5.1.1 <gone@example.test>: User unknown");
        Properties props = smtp.clientProperties();
        props.setProperty("mail.smtp.dsn.notify", "FAILURE");
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();

        DeliveryReport report = send(tracking(store).build(), Session.getInstance(props), "a@example.test",
                "gone@example.test");

        assertThat(report.recipients()).extracting(r -> r.outcome().name())
                .containsExactly("Accepted", "MailboxUnavailable");
        assertThat(smtp.sessions().get(0).flights()).contains(List.of("MAIL FROM:<sender@client.test> ENVID="
                + idOf(store, report),
                "RCPT TO:<a@example.test> NOTIFY=FAILURE ORCPT=rfc822;a@example.test",
                "RCPT TO:<gone@example.test> NOTIFY=FAILURE ORCPT=rfc822;gone@example.test", "DATA"));
        assertThat(smtp.messages()).hasSize(1);
    }

    @Test
    void theSessionsNotifyIsKeptAndOrcptAdded() {
        smtp.on(Verb.EHLO).reply(EHLO_WITH_DSN);
        Properties props = smtp.clientProperties();
        props.setProperty("mail.smtp.dsn.notify", "SUCCESS");

        send(tracking(new InMemoryDeliveryStore()).build(), Session.getInstance(props), "a@example.test");

        assertThat(commands("RCPT")).containsExactly("RCPT TO:<a@example.test> NOTIFY=SUCCESS ORCPT=rfc822;a@example.test");
    }

    @Test
    void aVerpDomainMakesTheEnvelopeSenderCarryTheToken() {
        InMemoryDeliveryStore store = new InMemoryDeliveryStore();

        DeliveryReport report = send(tracking(store).verp(Verp.on("bounces.client.test")).build(),
                Mails.session(smtp.server()), "a@example.test");

        String id = idOf(store, report);
        assertThat(smtp.awaitMessages(1, Duration.ofSeconds(5)).get(0).envelopeFrom())
                .isEqualTo("bounces+" + id + "@bounces.client.test");
        assertThat(store.findByVerpToken(id)).get().extracting(SentMessage::verpToken).isEqualTo(Optional.of(id));
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
            String id = idOf(store, report);
            assertThat(limited.sessions().stream().flatMap(s -> s.commands().stream())
                    .filter(c -> c.startsWith("MAIL"))).containsExactly("MAIL FROM:<sender@client.test> ENVID=" + id,
                    "MAIL FROM:<sender@client.test> ENVID=" + id);
            assertThat(store.size()).isEqualTo(1);
            assertThat(store.find(id).orElseThrow().recipients()).extracting(r -> r.fate().name())
                    .containsExactly("Pending", "Pending");
        }
    }

    @Test
    void aStoreThatFailsIsLoggedAndTheReportStillReturned() {
        FailingStore failing = new FailingStore();
        Tracking tracking = Tracking.builder(failing).build();

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

        DeliveryReport report = send(tracking(store).verp(Verp.on("bounces.client.test")).build(), session,
                "a@example.test");

        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(report.messageId()).contains(received.getMessageID());
        SentMessage sent = store.findByMessageId(received.getMessageID()).get(0);
        assertThat(sent.envelopeId()).isEmpty(); // GreenMail does not advertise DSN
        assertThat(sent.verpToken()).contains(sent.id());
        assertThat(received.getHeader("Return-Path", null)).contains("bounces+" + sent.id() + "@bounces.client.test");
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
        public List<SentMessage> findByQueueId(String queueId) {
            return List.of();
        }

        @Override
        public FateUpdate update(ReportedFate change) {
            throw new DeliveryStoreException("database is down");
        }

        @Override
        public List<SentMessage> unresolved(int limit) {
            return List.of();
        }

        @Override
        public List<SentMessage> recent(int limit) {
            return List.of();
        }
    }
}
