package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testsupport.Hmac;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionList;

/**
 * The providers' webhooks over real HTTP (Tomcat on a free port): a tracked send through the testkit, the
 * provider's signed event posted to the endpoint, the recipient's fate moved, the events published, the suppression
 * list updated; a forged request refused, changing nothing, and counted.
 */
class ProviderWebhooksIT {
    private static final String MAILGUN_KEY = "key-" + UUID.randomUUID().toString().replace("-", "");
    private static SmtpServer smtp;
    private static ConsoleApp app;

    @BeforeAll
    static void start() {
        smtp = SmtpServer.start();
        app = ConsoleApp.start(smtp, "mail.outcome.tracking.enabled=true", "mail.outcome.tracking.provider=mailgun",
                "mail.outcome.suppressions.enabled=true", "mail.outcome.providers.mailgun.enabled=true",
                "mail.outcome.providers.mailgun.signing-key=" + MAILGUN_KEY,
                "mail.outcome.providers.postmark.enabled=true", "mail.outcome.providers.postmark.path=/hooks/pm",
                "mail.outcome.providers.postmark.username=hooks", "mail.outcome.providers.postmark.password=s3cret");
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (smtp != null) smtp.close();
    }

    @BeforeEach
    void clear() {
        app.published.clear();
    }

    private static SentMessage send(String to) {
        DeliveryReport report = app.context.getBean(OutcomeJavaMailSender.class).sendAndReport(Fixtures.mail(to));
        return app.context.getBean(DeliveryStore.class).findByMessageId(report.messageId().orElseThrow()).get(0);
    }

    private static Fate fate(SentMessage sent) {
        return app.context.getBean(DeliveryStore.class).find(sent.id()).orElseThrow().recipients().get(0).fate();
    }

    /** Mailgun's permanent failure, from its documented webhook payload, signed as Mailgun signs. */
    private static String mailgunFailed(String recipient, String sendId, String key) {
        long timestamp = Instant.now().getEpochSecond();
        String token = UUID.randomUUID().toString().replace("-", "") + "abcdefghijklmnopqr";
        String signature = HexFormat.of().formatHex(Hmac.sha256(key, timestamp + token));
        return "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\""
                + signature + "\"},\"event-data\":{\"event\":\"failed\",\"severity\":\"permanent\",\"reason\":"
                + "\"bounce\",\"id\":\"G9Bn5sl1TC6nu79C8C0bwg\",\"timestamp\":" + timestamp + ".278014,\"recipient\":\""
                + recipient + "\",\"envelope\":{\"sender\":\"bounce+2b1c@mg.example.com\",\"targets\":\"" + recipient
                + "\"},\"message\":{\"headers\":{\"to\":\"" + recipient + "\",\"message-id\":"
                + "\"20240603100000.1.ABCDEF@mg.example.com\"}},\"delivery-status\":{\"code\":550,\"message\":"
                + "\"5.1.1 The email account that you tried to reach does not exist.\",\"description\":\"\"},"
                + "\"user-variables\":{\"mail-outcome-id\":\"" + sendId + "\"}}}";
    }


    @Test
    void aSignedMailgunBounceMovesTheFateSuppressesTheAddressAndIsPublished() throws Exception {
        SentMessage sent = send("gone@example.test");
        assertThat(smtp.messages().get(smtp.messages().size() - 1).text())
                .contains("X-Mailgun-Variables: {\"mail-outcome-id\":\"" + sent.id() + "\"}");

        HttpResponse<String> response = app.post("/mail-outcome/providers/mailgun",
                mailgunFailed("gone@example.test", sent.id(), MAILGUN_KEY), "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(fate(sent)).isInstanceOf(Fate.Bounced.class);
        assertThat(app.context.getBean(SuppressionList.class).find("gone@example.test")).map(Suppression::kind)
                .contains(SuppressionKind.HARD_BOUNCE);
        assertThat(app.published).hasAtLeastOneElementOfType(RecipientBouncedEvent.class)
                .hasAtLeastOneElementOfType(AddressSuppressedEvent.class)
                .anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(ProviderEventReceived.class,
                        p -> assertThat(p.report().kind()).isEqualTo("failed/permanent/bounce")));
        assertThat(requests("mailgun", "accepted", "none")).isEqualTo(1.0);
    }

    @Test
    void aForgedRequestIsRefusedChangesNothingAndIsCounted() throws Exception {
        SentMessage sent = send("forged@example.test");
        app.published.clear();

        HttpResponse<String> response = app.post("/mail-outcome/providers/mailgun",
                mailgunFailed("forged@example.test", sent.id(), "key-guessed"), "Content-Type", "application/json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(fate(sent)).isInstanceOf(Fate.Pending.class);
        assertThat(app.context.getBean(SuppressionList.class).find("forged@example.test")).isEmpty();
        assertThat(app.published).isEmpty();
        assertThat(requests("mailgun", "refused", "forged")).isEqualTo(1.0);
    }

    @Test
    void postmarkNeedsItsBasicAuthAndAnEventOfNoSendIsPublishedUnmatched() throws Exception {
        String bounce = "{\"RecordType\":\"Bounce\",\"ID\":4323372036854775807,\"Type\":\"HardBounce\",\"TypeCode\":1,"
                + "\"Name\":\"Hard bounce\",\"MessageID\":\"883953f4-6105-42a2-a16a-77a8eac79483\",\"Description\":"
                + "\"The server was unable to deliver your message (ex: unknown user, mailbox not found).\","
                + "\"Details\":\"smtp;550 5.1.1 The email account that you tried to reach does not exist.\","
                + "\"Email\":\"nobody@example.test\",\"From\":\"app@client.test\","
                + "\"BouncedAt\":\"2024-06-03T10:00:05Z\",\"Inactive\":true,\"CanActivate\":true,"
                + "\"Subject\":\"Hello\",\"Metadata\":{\"mail-outcome-id\":\"nosuchsend\"}}";
        String auth = "Basic " + Base64.getEncoder().encodeToString("hooks:s3cret".getBytes(StandardCharsets.UTF_8));

        assertThat(app.post("/hooks/pm", bounce, "Content-Type", "application/json").statusCode()).isEqualTo(401);
        assertThat(app.published).isEmpty();
        assertThat(app.post("/hooks/pm", bounce, "Content-Type", "application/json", "Authorization", auth)
                .statusCode()).isEqualTo(200);

        assertThat(app.published).singleElement().isInstanceOfSatisfying(UnmatchedProviderEvent.class,
                u -> assertThat(u.why()).contains("tracking id nosuchsend"));
        assertThat(requests("postmark", "refused", "missing_credentials")).isEqualTo(1.0);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() throws Exception {
        String big = "[" + "\"x\",".repeat(3_000_000) + "\"x\"]";

        assertThat(app.post("/hooks/pm", big, "Content-Type", "application/json").statusCode()).isEqualTo(413);
    }

    private static double requests(String provider, String result, String reason) {
        return app.context.getBean(MeterRegistry.class).get("mail.outcome.provider.requests").tag("provider", provider)
                .tag("result", result).tag("reason", reason).functionCounter().count();
    }
}
