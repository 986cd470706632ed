package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.providers.ProviderEvent.Bounced;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/** SparkPost's event webhooks: every event type of its message, track, generation and unsubscribe classes. */
class SparkPostTest {
    private final ProviderEvents events = ProviderEvents.builder()
            .verify(Provider.SPARKPOST, Verification.basicAuth("hooks", "secret")).build();

    private List<ProviderEvent> read(String resource) {
        return Payloads.accepted(events.parse(Provider.SPARKPOST, Payloads.bytes("sparkpost/" + resource),
                BasicAuthTest.authorization("hooks", "secret"))).events();
    }

    @Test
    void everyEventTypeMapsToItsRecord() {
        List<ProviderEvent> list = read("all-kinds.json");
        assertThat(list).extracting(ProviderEvent::name).containsExactly("Queued", "Delivered", "Bounced", "Bounced",
                "Delayed", "Suppressed", "Bounced", "Complained", "Opened", "Opened", "Clicked", "Opened", "Opened",
                "Clicked", "Failed", "Suppressed", "Unsubscribed", "Unsubscribed", "AutoReplied", "Suppressed",
                "Unknown");
        assertThat(list).extracting(e -> e.info().kind()).startsWith("injection", "delivery", "bounce/10",
                "bounce/50", "delay", "policy_rejection", "out_of_band/10", "spam_complaint").endsWith("relay_injection");
    }

    @Test
    void aHardBounceKeepsTheRecipientsCaseAndTheRemoteReplyClassified() {
        Bounced b = (Bounced) read("all-kinds.json").get(2);
        assertThat(b.recipient()).isEqualTo("Gone@example.net");
        assertThat(b.severity()).isEqualTo(Severity.HARD);
        assertThat(b.outcome()).isInstanceOf(DeliveryOutcome.MailboxUnavailable.class);
        assertThat(b.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(b.correlation().metadata()).containsExactly(Map.entry("mail-outcome-id", "Q1w2E3r4"));
        assertThat(b.info().providerMessageId()).contains("000443ee14578172be23");
        assertThat(b.timestamp()).contains(Instant.parse("2024-06-03T10:00:05Z"));
    }

    @Test
    void aBlockIsASoftBounceAndADelayADelayedRecipient() {
        List<ProviderEvent> list = read("all-kinds.json");
        Bounced block = (Bounced) list.get(3);
        assertThat(block.severity()).isEqualTo(Severity.SOFT);
        assertThat(block.outcome().code()).hasValue(554);
        ProviderEvent.Delayed delay = (ProviderEvent.Delayed) list.get(4);
        assertThat(delay.outcome().code()).hasValue(454);
        assertThat(delay.status()).hasValueSatisfying(s -> assertThat(s).hasToString("4.4.4"));
        assertThat(delay.timestamp()).contains(Instant.ofEpochSecond(1717408807));
    }

    @Test
    void metadataAndTrackingDetailsAreKept() {
        List<ProviderEvent> list = read("all-kinds.json");
        assertThat(list.get(0).correlation().metadata()).containsEntry("mail-outcome-id", "S7x2Kq9p")
                .containsEntry("customKey", "customValue");
        assertThat(((ProviderEvent.Clicked) list.get(10)).url()).contains("https://example.com/invoices/42");
        assertThat(((ProviderEvent.Complained) list.get(7)).feedbackType()).contains("abuse");
        assertThat(list.get(14).timestamp()).contains(Instant.parse("2018-10-11T23:24:45Z"));
    }

    @Test
    void theTestPingIsAnEmptyBatch() {
        assertThat(read("ping.json")).isEmpty();
        assertThat(events.counters().accepted(Provider.SPARKPOST)).isEqualTo(1);
        assertThat(events.counters().events(Provider.SPARKPOST)).isZero();
    }

    @Test
    void anElementWithoutMsysIsReportedAndTheRestRead() {
        byte[] body = "[{\"other\":1},{\"msys\":{\"message_event\":{\"type\":\"delivery\",\"rcpt_to\":\"a@example.net\"}}}]"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<ProviderEvent> list = Payloads.accepted(events.parse(Provider.SPARKPOST, body,
                BasicAuthTest.authorization("hooks", "secret"))).events();
        assertThat(list).extracting(ProviderEvent::name).containsExactly("Unknown", "Delivered");
    }
}
