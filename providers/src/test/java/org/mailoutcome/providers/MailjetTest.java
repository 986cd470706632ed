package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.Reason;
import org.mailoutcome.providers.ProviderEvent.Bounced;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/** Mailjet's event callbacks: every event of its event API, one by one and grouped. */
class MailjetTest {
    private final ProviderEvents events = ProviderEvents.builder()
            .verify(Provider.MAILJET, Verification.basicAuth("hooks", "secret")).build();

    private List<ProviderEvent> read(String resource) {
        return Payloads.accepted(events.parse(Provider.MAILJET, Payloads.bytes("mailjet/" + resource),
                BasicAuthTest.authorization("hooks", "secret"))).events();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "sent.json,              Delivered,    someone@example.net,   sent",
        "open.json,              Opened,       reader@example.net,    open",
        "click.json,             Clicked,      reader@example.net,    click",
        "bounce.json,            Bounced,      gone@nomx.example.net, bounce/invalid domain",
        "bounce-greylisted.json, Delayed,      grey@example.net,      bounce/greylisted",
        "blocked.json,           Suppressed,   listed@example.net,    blocked/user unknown",
        "spam.json,              Complained,   angry@example.net,     spam",
        "unsub.json,             Unsubscribed, leaving@example.net,   unsub",
    })
    void eachEventGivesItsRecord(String resource, String record, String recipient, String kind) {
        ProviderEvent event = read(resource).get(0);
        Payloads.assertEvent(event, record, recipient, kind);
    }

    @Test
    void sentQuotesTheRemoteReplyAndCarriesCustomIdAndPayload() {
        ProviderEvent.Delivered d = (ProviderEvent.Delivered) read("sent.json").get(0);
        assertThat(d.reply()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(250));
        assertThat(d.correlation().metadata()).containsExactly(Map.entry("CustomID", "S7x2Kq9p"),
                Map.entry("Payload", "{\"account\": 42}"));
        assertThat(d.info().providerMessageId()).contains("19421777835146490");
        assertThat(d.timestamp()).contains(Instant.ofEpochSecond(1717408803));
    }

    @Test
    void aHardBounceIsHardWithTheHostNotFound() {
        Bounced b = (Bounced) read("bounce.json").get(0);
        assertThat(b.severity()).isEqualTo(Severity.HARD);
        assertThat(b.outcome().code()).hasValue(550);
        assertThat(b.diagnostic()).hasValueSatisfying(d -> assertThat(d).startsWith("Host or domain name not found"));
        ProviderEvent.Delayed grey = (ProviderEvent.Delayed) read("bounce-greylisted.json").get(0);
        assertThat(grey.outcome().reason()).isEqualTo(Reason.GREYLISTED);
    }

    @Test
    void groupedEventsAreReadInOrderAndAStrayElementReported() {
        List<ProviderEvent> list = read("grouped.json");
        assertThat(list).extracting(ProviderEvent::name).containsExactly("Delivered", "Delivered", "Unknown",
                "Clicked");
        assertThat(list.get(2).info().raw()).isEqualTo("\"not an event\"");
    }
}
