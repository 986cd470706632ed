package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.providers.ProviderEvent.Bounced;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/** Every documented SES record kind, from the SES developer guide's field lists and examples, signed by SNS. */
class SesEventsTest {
    private final SnsFixture sns = new SnsFixture();
    private final ProviderEvents events = sns.events();

    private List<ProviderEvent> read(String resource) {
        return Payloads.accepted(events.parse(Provider.SES, sns.notification("ses/" + resource), Map.of())).events();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "bounce-permanent.json,     Bounced,      gone@example.net,    Bounce/Permanent/NoEmail",
        "bounce-transient.json,     Bounced,      full@example.net,    Bounce/Transient/MailboxFull",
        "bounce-undetermined.json,  Bounced,      who@example.net,     Bounce/Undetermined/Undetermined",
        "bounce-suppressed.json,    Suppressed,   listed@example.net,  Bounce/Permanent/OnAccountSuppressionList",
        "complaint.json,            Complained,   angry@example.net,   Complaint",
        "complaint-suppressed.json, Suppressed,   listed@example.net,  Complaint/OnAccountSuppressionList",
        "send.json,                 Queued,       someone@example.net, Send",
        "reject.json,               Suppressed,   someone@example.net, Reject",
        "open.json,                 Opened,       reader@example.net,  Open",
        "click.json,                Clicked,      reader@example.net,  Click",
        "rendering-failure.json,    Failed,       someone@example.net, Rendering Failure",
        "delivery-delay.json,       Delayed,      slow@example.net,    DeliveryDelay/TransientCommunicationFailure",
        "subscription.json,         Unsubscribed, leaving@example.net, Subscription/OptOut",
    })
    void eachDocumentedRecordGivesItsEvent(String resource, String record, String recipient, String kind) {
        ProviderEvent event = read(resource).get(0);
        Payloads.assertEvent(event, record, recipient, kind);
        assertThat(event.provider()).isEqualTo(Provider.SES);
        assertThat(event.info().raw()).isEqualTo(Payloads.text("ses/" + resource));
    }

    @Test
    void aHardBounceCarriesTheRemoteReplyClassifiedAndTheCorrelationValues() {
        Bounced b = (Bounced) read("bounce-permanent.json").get(0);
        assertThat(b.severity()).isEqualTo(Severity.HARD);
        assertThat(b.outcome()).isInstanceOf(DeliveryOutcome.MailboxUnavailable.class);
        assertThat(b.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(b.outcome().enhancedStatus()).hasValueSatisfying(s -> assertThat(s).hasToString("5.1.1"));
        assertThat(b.diagnostic()).hasValueSatisfying(d -> assertThat(d).startsWith("smtp; 550 5.1.1"));
        assertThat(b.timestamp()).contains(Instant.parse("2024-06-03T10:00:05.120Z"));
        assertThat(b.info().providerMessageId())
                .contains("0102018fdd2c0f11-2f4e6a8c-1b3d-4e5f-9a7b-0c1d2e3f4a5b-000000");
        assertThat(b.correlation().messageId()).contains("<1717408800.42@app.example.com>");
        assertThat(b.correlation().metadata()).containsExactly(Map.entry("mail-outcome-id", "S7x2Kq9p"));
    }

    @Test
    void aNotificationForTwoRecipientsGivesABounceAndADelayByEachRecipientsAction() {
        List<ProviderEvent> list = read("bounce-notification.json");
        assertThat(list).hasSize(2);
        Bounced first = (Bounced) list.get(0);
        assertThat(first.recipient()).isEqualTo("first@example.net");
        assertThat(first.outcome().code()).hasValue(550);
        assertThat(first.outcome().enhancedStatus()).hasValueSatisfying(s -> assertThat(s).hasToString("5.0.0"));
        assertThat(first.outcome().reply()).hasValueSatisfying(r -> assertThat(r.text()).isEqualTo("unknown user"));
        ProviderEvent.Delayed second = (ProviderEvent.Delayed) list.get(1);
        assertThat(second.recipient()).isEqualTo("second@example.net");
        assertThat(second.outcome().code()).hasValue(450);
        assertThat(second.status()).hasValueSatisfying(s -> assertThat(s).hasToString("4.0.0"));
        assertThat(first.correlation().messageId()).contains("<custom-message-ID@app.example.com>");
    }

    @Test
    void aSoftBounceIsSoftAndAnUndeterminedOneImpliesAPermanentReply() {
        Bounced full = (Bounced) read("bounce-transient.json").get(0);
        assertThat(full.severity()).isEqualTo(Severity.SOFT);
        assertThat(full.outcome()).isInstanceOf(DeliveryOutcome.StorageExceeded.class);
        assertThat(full.outcome().reason()).isEqualTo(Reason.MAILBOX_FULL);
        Bounced who = (Bounced) read("bounce-undetermined.json").get(0);
        assertThat(who.severity()).isEqualTo(Severity.UNDETERMINED);
        assertThat(who.outcome().code()).hasValue(550);
        assertThat(who.diagnostic()).isEmpty();
    }

    @Test
    void aDeliveryGivesOneEventPerRecipientWithTheRemoteReply() {
        List<ProviderEvent> list = read("delivery.json");
        assertThat(list).extracting(e -> ((ProviderEvent.Delivered) e).recipient())
                .containsExactly("happy@example.net", "glad@example.org");
        ProviderEvent.Delivered d = (ProviderEvent.Delivered) list.get(0);
        assertThat(d.reply()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(250));
        assertThat(d.timestamp()).contains(Instant.parse("2024-06-03T10:00:03.133Z"));
        assertThat(d.correlation().metadata()).isEmpty();
    }

    @Test
    void aDelayCarriesItsStatusAndReply() {
        ProviderEvent.Delayed d = (ProviderEvent.Delayed) read("delivery-delay.json").get(0);
        assertThat(d.outcome()).isInstanceOf(DeliveryOutcome.ServiceUnavailable.class);
        assertThat(d.status()).hasValueSatisfying(s -> assertThat(s).hasToString("4.4.1"));
    }

    @Test
    void detailsOfComplaintsClicksAndFailuresAreKept() {
        assertThat(((ProviderEvent.Complained) read("complaint.json").get(0)).feedbackType()).contains("abuse");
        ProviderEvent.Clicked click = (ProviderEvent.Clicked) read("click.json").get(0);
        assertThat(click.url()).contains("https://example.com/invoices/42");
        assertThat(((ProviderEvent.Failed) read("rendering-failure.json").get(0)).reason())
                .hasValueSatisfying(r -> assertThat(r).contains("attributeName"));
        assertThat(((ProviderEvent.Suppressed) read("reject.json").get(0)).reason()).contains("Bad content");
        assertThat(read("send.json").get(0).correlation().metadata())
                .containsExactly(Map.entry("myCustomTag1", "myCustomTagValue1"));
    }

    @Test
    void aRecordOfAnUnknownTypeIsReportedNotDropped() {
        String record = "{\"eventType\":\"Teleported\",\"mail\":{\"messageId\":\"x\",\"destination\":[\"a@example.net\"]}}";
        byte[] body = SnsSigner.bytes(sns.signer.notification("m-1", record, Payloads.NOW, null));
        ProviderEvent e = Payloads.only(events.parse(Provider.SES, body, Map.of()));
        assertThat(e).isInstanceOfSatisfying(ProviderEvent.Unknown.class, u -> {
            assertThat(u.info().kind()).isEqualTo("Teleported");
            assertThat(u.why()).contains("Teleported");
        });
    }

    @Test
    void aNotificationThatIsNotAnSesRecordIsReportedAsUnknown() {
        byte[] body = SnsSigner.bytes(sns.signer.notification("m-2", "Hello world!", Payloads.NOW, "My First Message"));
        ProviderEvent e = Payloads.only(events.parse(Provider.SES, body, Map.of()));
        assertThat(e).isInstanceOf(ProviderEvent.Unknown.class);
        assertThat(e.info().raw()).isEqualTo("Hello world!");
    }

    @Test
    void unverifiedTheSavedSesRecordItselfIsRead() {
        ProviderEvents open = ProviderEvents.builder().verify(Provider.SES, Verification.none()).build();
        ProviderEvent e = Payloads.only(open.parse(Provider.SES, Payloads.bytes("ses/complaint.json"), Map.of()));
        assertThat(e).isInstanceOf(ProviderEvent.Complained.class);
        assertThat(e.correlation()).isEqualTo(new Correlation(Optional.empty(), Map.of()));
    }
}
