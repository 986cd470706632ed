package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.providers.ProviderEvent.Bounced;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/** Postmark's webhooks: every record type, and every bounce type of Postmark's list, behind basic auth. */
class PostmarkTest {
    private final ProviderEvents events = ProviderEvents.builder()
            .verify(Provider.POSTMARK, Verification.basicAuth("hooks", "secret")).build();

    private ProviderEvent read(byte[] body) {
        return Payloads.only(events.parse(Provider.POSTMARK, body, BasicAuthTest.authorization("hooks", "secret")));
    }

    private ProviderEvent read(String resource) {
        return read(Payloads.bytes("postmark/" + resource));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "bounce.json,                          Bounced,      gone@example.net,    Bounce/HardBounce",
        "bounce-without-record-type.json,      Bounced,      full@example.net,    Bounce/SoftBounce",
        "spam-complaint.json,                  Complained,   angry@example.net,   SpamComplaint/SpamComplaint",
        "delivery.json,                        Delivered,    someone@example.net, Delivery",
        "open.json,                            Opened,       reader@example.net,  Open",
        "click.json,                           Clicked,      reader@example.net,  Click",
        "subscription-change.json,             Unsubscribed, leaving@example.net, SubscriptionChange/ManualSuppression",
        "subscription-change-reactivated.json, Subscribed,   back@example.net,    SubscriptionChange",
    })
    void eachRecordTypeGivesItsRecord(String resource, String record, String recipient, String kind) {
        ProviderEvent event = read(resource);
        Payloads.assertEvent(event, record, recipient, kind);
        assertThat(event.info().raw()).isEqualTo(Payloads.text("postmark/" + resource));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "HardBounce,              1,      Bounced",
        "Transient,               2,      Delayed",
        "Unsubscribe,             16,     Unsubscribed",
        "Subscribe,               32,     Subscribed",
        "AutoResponder,           64,     AutoReplied",
        "AddressChange,           128,    AutoReplied",
        "DnsError,                256,    Delayed",
        "SpamNotification,        512,    Complained",
        "OpenRelayTest,           1024,   Unknown",
        "Unknown,                 2048,   Unknown",
        "SoftBounce,              4096,   Bounced",
        "VirusNotification,       8192,   Bounced",
        "ChallengeVerification,   16384,  AutoReplied",
        "BadEmailAddress,         100000, Suppressed",
        "SpamComplaint,           100001, Complained",
        "ManuallyDeactivated,     100002, Suppressed",
        "Unconfirmed,             100003, Suppressed",
        "Blocked,                 100006, Suppressed",
        "SMTPApiError,            100007, Failed",
        "InboundError,            100008, Unknown",
        "DMARCPolicy,             100009, Bounced",
        "TemplateRenderingFailed, 100010, Failed",
    })
    void everyBounceTypeOfPostmarksListMapsToARecord(String type, int code, String record) {
        String body = Payloads.text("postmark/bounce.json").replace("\"HardBounce\"", "\"" + type + "\"")
                .replace("\"TypeCode\": 1,", "\"TypeCode\": " + code + ",");
        ProviderEvent event = read(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(event.name()).isEqualTo(record);
        assertThat(event.info().kind()).isEqualTo("Bounce/" + type);
        if (event instanceof ProviderEvent.Unknown u) assertThat(u.recipient()).contains("gone@example.net");
    }

    @Test
    void aHardBounceCarriesTheRemoteReplyAndTheMetadata() {
        Bounced b = (Bounced) read("bounce.json");
        assertThat(b.severity()).isEqualTo(Severity.HARD);
        assertThat(b.outcome()).isInstanceOf(DeliveryOutcome.MailboxUnavailable.class);
        assertThat(b.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(b.info().providerMessageId()).contains("883953f4-6105-42a2-a16a-77a8eac79483");
        assertThat(b.correlation().metadata()).containsExactly(Map.entry("mail-outcome-id", "S7x2Kq9p"),
                Map.entry("account", "42"));
        assertThat(b.timestamp()).contains(Instant.parse("2024-06-03T14:00:05.2735393Z"));
    }

    @Test
    void aSoftBounceIsSoftWithItsOverQuotaReply() {
        Bounced b = (Bounced) read("bounce-without-record-type.json");
        assertThat(b.severity()).isEqualTo(Severity.SOFT);
        assertThat(b.outcome()).isInstanceOf(DeliveryOutcome.InsufficientStorage.class);
        assertThat(b.outcome().reason()).isEqualTo(Reason.MAILBOX_FULL);
    }

    @Test
    void aDeliveryQuotesTheRemoteReply() {
        ProviderEvent.Delivered d = (ProviderEvent.Delivered) read("delivery.json");
        assertThat(d.reply()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(250));
        assertThat(d.correlation().value("mail-outcome-id")).contains("S7x2Kq9p");
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformedAndAnUnknownRecordTypeReported() {
        assertThat(events.parse(Provider.POSTMARK, "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                BasicAuthTest.authorization("hooks", "secret"))).isInstanceOf(ParseResult.Malformed.class);
        ProviderEvent e = read("{\"RecordType\":\"Inbound\",\"Recipient\":\"x@example.net\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(e).isInstanceOf(ProviderEvent.Unknown.class);
    }
}
