package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.Reason;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.bounce.tracking.FateListener;
import org.mailoutcome.bounce.tracking.IngestResult.MatchedBy;
import org.mailoutcome.bounce.tracking.ReportResult;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.InMemoryDeliveryStore;
import org.mailoutcome.tracking.InMemorySuppressionList;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.tracking.Tracking;

/**
 * End to end in plain Java: a tracked send through the testkit playing the provider's SMTP endpoint, the
 * provider's signed event verified and parsed, then given to the same {@link DeliveryTracker} as DSN mails.
 */
class ProviderTrackingIT {
    private static final String SES_ID = "0102018fdd2c0f11-2f4e6a8c-1b3d-4e5f-9a7b-0c1d2e3f4a5b-000000";

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    private final InMemoryDeliveryStore store = new InMemoryDeliveryStore();
    private final InMemorySuppressionList suppressions = new InMemorySuppressionList();
    private final Recorder listener = new Recorder();

    private Tracking tracking(Provider provider) {
        return Tracking.builder(store).provider(provider).build();
    }

    private DeliveryTracker tracker(Tracking tracking) {
        return DeliveryTracker.builder(tracking).suppressions(suppressions).listener(listener).build();
    }

    private SentMessage send(Tracking tracking, MimeMessage message) {
        try (OutcomeMailer mailer = OutcomeMailer.builder(session()).tracking(tracking)
                .readTimeout(Duration.ofSeconds(5)).build()) {
            DeliveryReport report = mailer.send(message);
            return store.findByMessageId(report.messageId().orElseThrow()).get(0);
        }
    }

    @Test
    void sesBounceFindsTheSendByTheIdOfItsEndOfDataReplyThoughSesRewroteTheMessageIdAndSender() throws Exception {
        smtp.on(Verb.END_OF_DATA).reply("250 Ok " + SES_ID);
        Tracking tracking = tracking(Provider.SES);
        MimeMessage message = message("gone@example.net");
        SentMessage sent = send(tracking, message);

        assertThat(sent.queueId()).contains(SES_ID);
        assertThat(smtp.messages().get(0).text()).contains("X-SES-MESSAGE-TAGS: mail-outcome-id=" + sent.id());
        assertThat(message.getHeader("X-SES-MESSAGE-TAGS")).as("the caller's message is left as it is").isNull();

        JsonObject record = JsonParser.parseString(Payloads.text("ses/bounce-permanent.json")).getAsJsonObject();
        JsonObject mail = record.getAsJsonObject("mail");
        mail.addProperty("messageId", SES_ID);
        mail.addProperty("source", "0102018fdd2c0f11@eu-west-1.amazonses.com");
        mail.remove("tags");
        mail.getAsJsonArray("headers").get(2).getAsJsonObject().addProperty("value", "<" + SES_ID + "@email.amazonses.com>");
        SnsFixture sns = new SnsFixture();
        byte[] body = SnsSigner.bytes(sns.signer.notification("5d9b1a27-aa27-5ac6-a2d2-7e8f1c2b3a4d",
                record.toString(), Payloads.NOW.minusSeconds(60), null));

        List<ReportResult> results = ingest(tracker(tracking), sns.events().parse(Provider.SES, body, Map.of()));

        ReportResult.Tracked tracked = (ReportResult.Tracked) results.get(0);
        assertThat(tracked.matchedBy()).isEqualTo(MatchedBy.QUEUE_ID);
        assertThat(tracked.update()).isInstanceOf(FateUpdate.Applied.class);
        Fate fate = store.find(sent.id()).orElseThrow().recipients().get(0).fate();
        assertThat(fate).isInstanceOfSatisfying(Fate.Bounced.class,
                b -> assertThat(b.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN));
        assertThat(suppressions.find("gone@example.net")).map(Suppression::kind).contains(SuppressionKind.HARD_BOUNCE);
        assertThat(listener.calls).containsExactly("bounced gone@example.net", "suppressed gone@example.net",
                "event ses Bounce/Permanent/NoEmail gone@example.net");
    }

    @Test
    void mailgunEventFindsTheSendByItsVariablesAndIsAppliedOnceHoweverOftenItComes() {
        Tracking tracking = tracking(Provider.MAILGUN);
        SentMessage sent = send(tracking, message("gone@example.net"));
        assertThat(smtp.messages().get(0).text())
                .contains("X-Mailgun-Variables: {\"mail-outcome-id\":\"" + sent.id() + "\"}");
        MailgunSigner signer = new MailgunSigner();
        ProviderEvents events = ProviderEvents.builder().verify(Provider.MAILGUN, Verification.mailgun(signer.key))
                .clock(Payloads.CLOCK).build();
        String template = Payloads.text("mailgun/failed-permanent.json").replace("Q1w2E3r4", sent.id());
        DeliveryTracker tracker = tracker(tracking);
        long at = Payloads.NOW.getEpochSecond() - 30;

        List<ReportResult> first = ingest(tracker, events.parse(Provider.MAILGUN,
                MailgunSigner.signText(template, at, MailgunSigner.token(), signer.key), Map.of()));
        List<ReportResult> again = ingest(tracker, events.parse(Provider.MAILGUN,
                MailgunSigner.signText(template, at, MailgunSigner.token(), signer.key), Map.of()));

        assertThat(((ReportResult.Tracked) first.get(0)).matchedBy()).isEqualTo(MatchedBy.TRACKING_ID);
        assertThat(((ReportResult.Tracked) again.get(0)).update()).isInstanceOf(FateUpdate.Duplicate.class);
        assertThat(store.find(sent.id()).orElseThrow().recipients().get(0).fate()).isInstanceOf(Fate.Bounced.class);
        assertThat(listener.calls).containsExactly("bounced gone@example.net", "suppressed gone@example.net",
                "event mailgun failed/permanent/bounce gone@example.net");
    }

    @Test
    void sendGridDroppedSuppressesTheAddressWithoutMovingItsFate() {
        Tracking tracking = tracking(Provider.SENDGRID);
        SentMessage sent = send(tracking, message("blocked@example.net", "ok@example.net"));
        assertThat(smtp.messages().get(0).text())
                .contains("X-SMTPAPI: {\"unique_args\":{\"mail-outcome-id\":\"" + sent.id() + "\"}}");
        JsonObject dropped = new JsonObject();
        dropped.addProperty("email", "blocked@example.net");
        dropped.addProperty("timestamp", Payloads.NOW.getEpochSecond() - 20);
        dropped.addProperty("smtp-id", "<rewritten@sendgrid.example>");
        dropped.addProperty("event", "dropped");
        dropped.addProperty("sg_event_id", "ZHJvcHBlZC0xMjM0NTY3OA");
        dropped.addProperty("reason", "Bounced Address");
        dropped.addProperty("mail-outcome-id", sent.id());
        JsonArray batch = new JsonArray();
        batch.add(dropped);
        byte[] body = batch.toString().getBytes(StandardCharsets.UTF_8);
        SendGridSigner signer = new SendGridSigner();
        ProviderEvents events = ProviderEvents.builder()
                .verify(Provider.SENDGRID, Verification.sendGrid(signer.publicKey())).clock(Payloads.CLOCK).build();

        ingest(tracker(tracking), events.parse(Provider.SENDGRID, body, signer.headers(body,
                Payloads.NOW.getEpochSecond() - 10)));

        TrackedRecipient blocked = store.find(sent.id()).orElseThrow().recipients().get(0);
        assertThat(blocked.fate()).isInstanceOf(Fate.Pending.class);
        assertThat(blocked.notices()).hasSize(1);
        assertThat(suppressions.find("blocked@example.net")).map(Suppression::kind).contains(SuppressionKind.PROVIDER);
        assertThat(suppressions.find("ok@example.net")).isEmpty();
        assertThat(listener.calls).containsExactly("suppressed blocked@example.net",
                "event sendgrid dropped blocked@example.net");
    }

    @Test
    void forgedEventChangesNothingAndIsCounted() {
        Tracking tracking = tracking(Provider.MAILGUN);
        SentMessage sent = send(tracking, message("gone@example.net"));
        ProviderEvents events = ProviderEvents.builder()
                .verify(Provider.MAILGUN, Verification.mailgun(new MailgunSigner().key)).clock(Payloads.CLOCK).build();
        String template = Payloads.text("mailgun/failed-permanent.json").replace("Q1w2E3r4", sent.id());
        byte[] forged = MailgunSigner.signText(template, Payloads.NOW.getEpochSecond(), MailgunSigner.token(),
                "key-guessed");

        List<ReportResult> results = ingest(tracker(tracking), events.parse(Provider.MAILGUN, forged, Map.of()));

        assertThat(results).isEmpty();
        assertThat(events.counters().refused(Provider.MAILGUN, Refusal.FORGED)).isEqualTo(1);
        assertThat(store.find(sent.id()).orElseThrow().recipients().get(0).fate()).isInstanceOf(Fate.Pending.class);
        assertThat(suppressions.find("gone@example.net")).isEmpty();
        assertThat(listener.calls).isEmpty();
    }

    @Test
    void eventOfNoTrackedSendIsReportedUnmatched() {
        Tracking tracking = tracking(Provider.MAILGUN);
        ProviderEvents events = ProviderEvents.builder().verify(Provider.MAILGUN, Verification.none()).build();
        byte[] body = Payloads.bytes("mailgun/failed-permanent.json");

        List<ReportResult> results = ingest(tracker(tracking), events.parse(Provider.MAILGUN, body, Map.of()));

        assertThat(results).singleElement().isInstanceOfSatisfying(ReportResult.Unmatched.class,
                u -> assertThat(u.why()).contains("tracking id Q1w2E3r4"));
        assertThat(listener.calls).containsExactly("unmatched mailgun failed/permanent/bounce");
        assertThat(suppressions.find("gone@example.net")).isEmpty();
    }

    private static List<ReportResult> ingest(DeliveryTracker tracker, ParseResult result) {
        if (!(result instanceof ParseResult.Accepted accepted)) return List.of();
        return ProviderReports.of(accepted).stream().map(tracker::ingest).toList();
    }

    private static Session session() {
        return Session.getInstance(smtp.clientProperties());
    }

    private static MimeMessage message(String... to) {
        try {
            MimeMessage m = new MimeMessage(session());
            m.setFrom(new InternetAddress("app@example.com"));
            for (String t : to) m.addRecipient(Message.RecipientType.TO, new InternetAddress(t));
            m.setSubject("Your invoice");
            m.setText("Hello.\r\n");
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the tracker called back, in order. */
    private static final class Recorder implements FateListener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onBounced(SentMessage send, TrackedRecipient recipient, Fate.Bounced fate) {
            calls.add("bounced " + recipient.address());
        }

        @Override
        public void onSuppressed(Suppression entry) {
            calls.add("suppressed " + entry.address());
        }

        @Override
        public void onProviderEvent(ProviderReport report, SentMessage send, TrackedRecipient recipient) {
            calls.add("event " + report.provider().id() + " " + report.kind() + " " + recipient.address());
        }

        @Override
        public void onUnmatched(ProviderReport report, String why) {
            calls.add("unmatched " + report.provider().id() + " " + report.kind());
        }
    }
}
