package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.providers.ProviderEvent.Bounced;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/** Mailgun's JSON webhooks: every event type of its documentation, signed with an HMAC key made here. */
class MailgunTest {
    private static final long SIGNED_AT = Payloads.NOW.getEpochSecond() - 20;
    private final MailgunSigner signer = new MailgunSigner();
    private final ProviderEvents events = ProviderEvents.builder().clock(Payloads.CLOCK)
            .verify(Provider.MAILGUN, Verification.mailgun(signer.key)).build();

    private ProviderEvent read(String resource) {
        return Payloads.only(events.parse(Provider.MAILGUN,
                signer.sign("mailgun/" + resource, SIGNED_AT, MailgunSigner.token()), Map.of()));
    }

    private Refusal refusal(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Refused.class);
        return ((ParseResult.Refused) result).refusal();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "accepted.json,               Queued,       someone@example.net, accepted",
        "delivered.json,              Delivered,    someone@example.net, delivered",
        "failed-permanent.json,       Bounced,      gone@example.net,    failed/permanent/bounce",
        "failed-temporary.json,       Delayed,      grey@example.net,    failed/temporary/greylisted",
        "failed-suppress-bounce.json, Suppressed,   gone@example.net,    failed/permanent/suppress-bounce",
        "rejected.json,               Suppressed,   someone@example.net, rejected",
        "opened.json,                 Opened,       reader@example.net,  opened",
        "clicked.json,                Clicked,      reader@example.net,  clicked",
        "unsubscribed.json,           Unsubscribed, leaving@example.net, unsubscribed",
        "complained.json,             Complained,   angry@example.net,   complained",
    })
    void eachDocumentedEventGivesItsRecord(String resource, String record, String recipient, String kind) {
        ProviderEvent event = read(resource);
        Payloads.assertEvent(event, record, recipient, kind);
        assertThat(event.info().raw()).contains("\"event-data\"");
    }

    @Test
    void aPermanentFailureCarriesMailgunsCodeAndMessageClassified() {
        Bounced b = (Bounced) read("failed-permanent.json");
        assertThat(b.severity()).isEqualTo(Severity.HARD);
        assertThat(b.outcome()).isInstanceOf(DeliveryOutcome.MailboxUnavailable.class);
        assertThat(b.outcome().enhancedStatus()).hasValueSatisfying(s -> assertThat(s).hasToString("5.1.1"));
        assertThat(b.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(b.correlation().metadata()).containsExactly(Map.entry("mail-outcome-id", "Q1w2E3r4"));
        assertThat(b.correlation().messageId()).contains("<1717408800.45@app.example.com>");
        assertThat(b.info().providerMessageId()).contains("<1717408800.45@app.example.com>");
        assertThat(b.timestamp()).contains(Instant.parse("2024-06-03T10:00:05.278014Z"));
    }

    @Test
    void aTemporaryFailureIsADelayWithItsReplyAndASuppressionKeepsMailgunsReason() {
        ProviderEvent.Delayed d = (ProviderEvent.Delayed) read("failed-temporary.json");
        assertThat(d.outcome().code()).hasValue(450);
        assertThat(d.outcome().reason()).isEqualTo(Reason.GREYLISTED);
        assertThat(((ProviderEvent.Suppressed) read("failed-suppress-bounce.json")).reason())
                .contains("suppress-bounce");
    }

    @Test
    void userVariablesAreTheMetadataNonStringsAsJson() {
        ProviderEvent e = read("delivered.json");
        assertThat(e.correlation().metadata()).containsExactly(Map.entry("mail-outcome-id", "S7x2Kq9p"),
                Map.entry("cohort", "7"));
        assertThat(((ProviderEvent.Delivered) e).reply()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(250));
    }

    @Test
    void aRejectionWithoutRecipientTakesItFromTheToHeader() {
        assertThat(((ProviderEvent.Suppressed) read("rejected.json")).reason())
                .contains("Sandbox subdomains are for test purposes only.");
    }

    @Test
    void aWrongKeyOrAChangedTokenIsForged() {
        byte[] other = MailgunSigner.signText(Payloads.text("mailgun/delivered.json"), SIGNED_AT, MailgunSigner.token(),
                "another-key");
        assertThat(refusal(events.parse(Provider.MAILGUN, other, Map.of()))).isEqualTo(Refusal.FORGED);
        String token = MailgunSigner.token();
        String signed = new String(signer.sign("mailgun/delivered.json", SIGNED_AT, token), StandardCharsets.UTF_8);
        byte[] swapped = signed.replace(token, MailgunSigner.token()).getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(events.parse(Provider.MAILGUN, swapped, Map.of()))).isEqualTo(Refusal.FORGED);
    }

    @Test
    void aPayloadWithoutSignatureIsRefused() {
        byte[] unsigned = "{\"event-data\":{\"event\":\"delivered\",\"recipient\":\"a@example.net\"}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(events.parse(Provider.MAILGUN, unsigned, Map.of()))).isEqualTo(Refusal.MISSING_CREDENTIALS);
    }

    @Test
    void aTokenSeenTwiceIsReplayedAndAnOldTimestampStale() {
        byte[] body = signer.sign("mailgun/delivered.json", SIGNED_AT, MailgunSigner.token());
        assertThat(events.parse(Provider.MAILGUN, body, Map.of())).isInstanceOf(ParseResult.Accepted.class);
        assertThat(refusal(events.parse(Provider.MAILGUN, body, Map.of()))).isEqualTo(Refusal.REPLAYED);
        byte[] old = signer.sign("mailgun/delivered.json", SIGNED_AT - 3600, MailgunSigner.token());
        assertThat(refusal(events.parse(Provider.MAILGUN, old, Map.of()))).isEqualTo(Refusal.STALE);
        assertThat(events.counters().refused(Provider.MAILGUN)).isEqualTo(2);
        assertThat(events.counters().accepted(Provider.MAILGUN)).isEqualTo(1);
    }

    @Test
    void aReleasedTokenIsAcceptedOnTheProvidersRetry() {
        byte[] body = signer.sign("mailgun/failed-permanent.json", SIGNED_AT, MailgunSigner.token());
        ParseResult.Accepted first = Payloads.accepted(events.parse(Provider.MAILGUN, body, Map.of()));
        events.release(first);
        assertThat(events.parse(Provider.MAILGUN, body, Map.of())).isInstanceOf(ParseResult.Accepted.class);
    }

    @Test
    void aTruncatedPayloadIsMalformedAndAFormPostIsNotRead() {
        byte[] body = signer.sign("mailgun/delivered.json", SIGNED_AT, MailgunSigner.token());
        assertThat(events.parse(Provider.MAILGUN, Arrays.copyOf(body, body.length - 3), Map.of()))
                .isInstanceOfSatisfying(ParseResult.Malformed.class, m -> assertThat(m.why()).startsWith("not JSON"));
        byte[] form = "timestamp=1&token=abc&signature=def&event=delivered".getBytes(StandardCharsets.UTF_8);
        assertThat(events.parse(Provider.MAILGUN, form, Map.of())).isInstanceOf(ParseResult.Malformed.class);
    }
}
