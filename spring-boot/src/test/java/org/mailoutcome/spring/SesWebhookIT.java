package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.providers.ProviderEvents;
import org.mailoutcome.providers.Refusal;
import org.mailoutcome.providers.Verification;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;
import org.mailoutcome.testsupport.SigningKey;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.SuppressionList;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Amazon SES end to end over real HTTP: the testkit plays SES's SMTP endpoint and answers the end of data with
 * {@code 250 Ok <id>}; the send is tracked; SES's bounce, with the Message-ID and the sender SES rewrote, comes as an
 * SNS notification signed with a key made here (its certificate served by the application's own fetcher, as SNS would
 * serve it), is posted to the endpoint, and finds the send by that id.
 */
class SesWebhookIT {
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:ses-events";
    private static final String CERT_URL = "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123.pem";
    private static final String SES_ID = "0102018fdd2c0f11-2f4e6a8c-1b3d-4e5f-9a7b-0c1d2e3f4a5b-000000";
    private static final SigningKey SNS = SigningKey.rsa("sns.amazonaws.com");
    private static SmtpServer smtp;
    private static ConsoleApp app;

    /** The SNS verification with the certificate fetched from this test instead of SNS's host. */
    @Configuration(proxyBeanMethods = false)
    static class Sns {
        @Bean
        ProviderEvents providerEvents() {
            return ProviderEvents.builder().verify(Provider.SES, Verification.sns(TOPIC)
                    .withFetcher((url, maxBytes) -> SNS.certificatePem().getBytes(StandardCharsets.US_ASCII))).build();
        }
    }

    @BeforeAll
    static void start() {
        smtp = SmtpServer.start();
        smtp.on(Verb.END_OF_DATA).reply("250 Ok " + SES_ID);
        app = ConsoleApp.start(smtp, List.of(Sns.class), "mail.outcome.tracking.enabled=true",
                "mail.outcome.tracking.provider=ses", "mail.outcome.suppressions.enabled=true",
                "mail.outcome.providers.ses.enabled=true", "mail.outcome.providers.ses.topic-arns=" + TOPIC);
    }

    @AfterAll
    static void stop() {
        if (app != null) app.close();
        if (smtp != null) smtp.close();
    }

    @Test
    void sesBounceSignedBySnsFindsTheSendByItsEndOfDataIdAndAForgedOneChangesNothing() throws Exception {
        DeliveryReport report = app.context.getBean(OutcomeJavaMailSender.class)
                .sendAndReport(Fixtures.mail("gone@example.test"));
        DeliveryStore store = app.context.getBean(DeliveryStore.class);
        SentMessage sent = store.findByMessageId(report.messageId().orElseThrow()).get(0);
        assertThat(sent.queueId()).contains(SES_ID);
        assertThat(smtp.messages().get(0).text()).contains("X-SES-MESSAGE-TAGS: mail-outcome-id=" + sent.id());
        app.published.clear();

        HttpResponse<String> forged = post(notification(bounce(), SigningKey.rsa("sns.amazonaws.com").privateKey()));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(store.find(sent.id()).orElseThrow().recipients().get(0).fate()).isInstanceOf(Fate.Pending.class);
        assertThat(app.published).isEmpty();

        HttpResponse<String> genuine = post(notification(bounce(), SNS.privateKey()));

        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(store.find(sent.id()).orElseThrow().recipients().get(0).fate()).isInstanceOf(Fate.Bounced.class);
        assertThat(app.context.getBean(SuppressionList.class).find("gone@example.test")).map(Suppression::kind)
                .contains(SuppressionKind.HARD_BOUNCE);
        assertThat(app.published).hasAtLeastOneElementOfType(RecipientBouncedEvent.class)
                .hasAtLeastOneElementOfType(AddressSuppressedEvent.class)
                .hasAtLeastOneElementOfType(ProviderEventReceived.class);
        assertThat(app.context.getBean(ProviderEvents.class).counters().refused(Provider.SES, Refusal.FORGED))
                .isEqualTo(1);
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return app.post("/mail-outcome/providers/ses", body, "Content-Type", "text/plain; charset=UTF-8",
                "x-amz-sns-message-type", "Notification", "x-amz-sns-topic-arn", TOPIC);
    }

    /** SES's bounce record as its developer guide shows it: the Message-ID and the source are SES's own. */
    private static String bounce() {
        JsonObject recipient = new JsonObject();
        recipient.addProperty("emailAddress", "gone@example.test");
        recipient.addProperty("action", "failed");
        recipient.addProperty("status", "5.1.1");
        recipient.addProperty("diagnosticCode", "smtp; 550 5.1.1 <gone@example.test>: Recipient address rejected: "
                + "User unknown in local recipient table");
        JsonArray recipients = new JsonArray();
        recipients.add(recipient);
        JsonObject bounce = new JsonObject();
        bounce.addProperty("bounceType", "Permanent");
        bounce.addProperty("bounceSubType", "General");
        bounce.add("bouncedRecipients", recipients);
        bounce.addProperty("timestamp", Instant.now().minusSeconds(5).toString());
        bounce.addProperty("feedbackId", "0100018fdd2c1a2b-6d1c2e4f-7a8b-4c9d-8e0f-1a2b3c4d5e6f-000000");
        JsonObject messageIdHeader = new JsonObject();
        messageIdHeader.addProperty("name", "Message-ID");
        messageIdHeader.addProperty("value", "<" + SES_ID + "@eu-west-1.amazonses.com>");
        JsonArray headers = new JsonArray();
        headers.add(messageIdHeader);
        JsonObject mail = new JsonObject();
        mail.addProperty("timestamp", Instant.now().minusSeconds(10).toString());
        mail.addProperty("source", SES_ID + "@eu-west-1.amazonses.com");
        mail.addProperty("messageId", SES_ID);
        mail.add("headers", headers);
        JsonObject record = new JsonObject();
        record.addProperty("notificationType", "Bounce");
        record.add("bounce", bounce);
        record.add("mail", mail);
        return record.toString();
    }

    /** An SNS Notification carrying {@code message}, signed with SignatureVersion 2 as SNS documents it. */
    private static String notification(String message, PrivateKey key) throws GeneralSecurityException {
        String id = UUID.randomUUID().toString();
        String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        String canonical = "Message\n" + message + "\nMessageId\n" + id + "\nTimestamp\n" + at + "\nTopicArn\n" + TOPIC
                + "\nType\nNotification\n";
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(canonical.getBytes(StandardCharsets.UTF_8));
        JsonObject o = new JsonObject();
        o.addProperty("Type", "Notification");
        o.addProperty("MessageId", id);
        o.addProperty("TopicArn", TOPIC);
        o.addProperty("Message", message);
        o.addProperty("Timestamp", at);
        o.addProperty("SignatureVersion", "2");
        o.addProperty("Signature", Base64.getEncoder().encodeToString(rsa.sign()));
        o.addProperty("SigningCertURL", CERT_URL);
        return o.toString();
    }
}
