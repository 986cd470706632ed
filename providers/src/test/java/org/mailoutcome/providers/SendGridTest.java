package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.providers.ProviderEvent.Bounced;
import org.mailoutcome.providers.ProviderEvent.Bounced.Severity;
import org.mailoutcome.tracking.Provider;

/** SendGrid's Event Webhook: every event kind of its reference, signed with ECDSA P-256 as SendGrid signs. */
class SendGridTest {
    private static final long SIGNED_AT = Payloads.NOW.getEpochSecond() - 30;
    private final SendGridSigner signer = new SendGridSigner();
    private final ProviderEvents events = ProviderEvents.builder().clock(Payloads.CLOCK)
            .verify(Provider.SENDGRID, Verification.sendGrid(signer.publicKey())).build();
    private final byte[] batch = Payloads.bytes("sendgrid/all-kinds.json");

    private ParseResult signed(byte[] body) {
        return events.parse(Provider.SENDGRID, body, signer.headers(body, SIGNED_AT));
    }

    private Refusal refusal(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Refused.class);
        return ((ParseResult.Refused) result).refusal();
    }

    @Test
    void everyEventKindOfTheReferenceMapsToItsRecord() {
        List<ProviderEvent> list = Payloads.accepted(signed(batch)).events();
        assertThat(list).extracting(ProviderEvent::name).containsExactly("Queued", "Suppressed", "Delivered",
                "Delayed", "Bounced", "Bounced", "Opened", "Clicked", "Complained", "Unsubscribed", "Unsubscribed",
                "Subscribed", "Unknown");
        assertThat(list).extracting(e -> e.info().kind()).containsExactly("processed", "dropped", "delivered",
                "deferred", "bounce/bounce", "bounce/blocked", "open", "click", "spamreport", "unsubscribe",
                "group_unsubscribe", "group_resubscribe", "account_status_change");
        assertThat(events.counters().events(Provider.SENDGRID)).isEqualTo(13);
    }

    @Test
    void aBounceIsHardAndABlockSoftEachWithItsReplyClassified() {
        List<ProviderEvent> list = Payloads.accepted(signed(batch)).events();
        Bounced hard = (Bounced) list.get(4);
        assertThat(hard.severity()).isEqualTo(Severity.HARD);
        assertThat(hard.outcome()).isInstanceOf(DeliveryOutcome.MailboxUnavailable.class);
        assertThat(hard.outcome().reason()).isEqualTo(Reason.USER_UNKNOWN);
        Bounced blocked = (Bounced) list.get(5);
        assertThat(blocked.severity()).isEqualTo(Severity.SOFT);
        assertThat(blocked.outcome().code()).hasValue(450);
        assertThat(blocked.diagnostic()).hasValueSatisfying(d -> assertThat(d).startsWith("unable to get mx info"));
        ProviderEvent.Delayed deferred = (ProviderEvent.Delayed) list.get(3);
        assertThat(deferred.outcome()).isInstanceOf(DeliveryOutcome.LocalError.class);
        assertThat(deferred.outcome().reason()).isEqualTo(Reason.GREYLISTED);
        assertThat(((ProviderEvent.Delivered) list.get(2)).reply()).hasValueSatisfying(r ->
                assertThat(r.code()).isEqualTo(250));
        assertThat(((ProviderEvent.Suppressed) list.get(1)).reason()).contains("Bounced Address");
    }

    @Test
    void uniqueArgumentsComeBackAsMetadataAndSmtpIdAsTheMessageId() {
        ProviderEvent processed = Payloads.accepted(signed(batch)).events().get(0);
        assertThat(processed.correlation().metadata()).containsExactly(Map.entry("mail_outcome_id", "S7x2Kq9p"));
        assertThat(processed.correlation().messageId()).contains("<1717408800.42@app.example.com>");
        assertThat(processed.info().providerMessageId()).contains("14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0");
        assertThat(processed.timestamp()).hasValueSatisfying(t -> assertThat(t.getEpochSecond()).isEqualTo(1717408801));
        assertThat(processed.info().raw()).contains("\"pool\"").contains("S7x2Kq9p");
    }

    @Test
    void reservedKeysAreSendGridsAndATimestampStringIsRead() {
        byte[] body = Payloads.bytes("sendgrid/reserved-keys.json");
        ProviderEvent e = Payloads.only(signed(body));
        assertThat(e.correlation().metadata()).containsOnlyKeys("customerAccountNumber", "activationAttempt",
                "New Argument 1");
        assertThat(e.timestamp()).hasValueSatisfying(t -> assertThat(t.getEpochSecond()).isEqualTo(1717408801));
    }

    @Test
    void aBodyChangedAfterSigningIsForged() {
        byte[] forged = new String(batch, StandardCharsets.UTF_8).replace("gone@example.net", "innocent@example.net")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(events.parse(Provider.SENDGRID, forged, signer.headers(batch, SIGNED_AT))))
                .isEqualTo(Refusal.FORGED);
    }

    @Test
    void aSignatureByAnotherKeyOrOverAnotherTimestampIsForged() {
        SendGridSigner other = new SendGridSigner();
        assertThat(refusal(events.parse(Provider.SENDGRID, batch, other.headers(batch, SIGNED_AT))))
                .isEqualTo(Refusal.FORGED);
        var headers = new java.util.HashMap<>(signer.headers(batch, SIGNED_AT));
        headers.put("x-twilio-email-event-webhook-timestamp", List.of(Long.toString(SIGNED_AT + 1)));
        assertThat(refusal(events.parse(Provider.SENDGRID, batch, headers))).isEqualTo(Refusal.FORGED);
        headers.put("X-Twilio-Email-Event-Webhook-Signature", List.of("not base64 !"));
        assertThat(refusal(events.parse(Provider.SENDGRID, batch, headers))).isEqualTo(Refusal.FORGED);
    }

    @Test
    void anUnsignedRequestIsRefused() {
        assertThat(refusal(events.parse(Provider.SENDGRID, batch, Map.of()))).isEqualTo(Refusal.MISSING_CREDENTIALS);
    }

    @Test
    void aStaleOrFutureTimestampIsRefused() {
        for (long at : new long[] {SIGNED_AT - 3600, SIGNED_AT + 3600}) {
            assertThat(refusal(events.parse(Provider.SENDGRID, batch, signer.headers(batch, at))))
                    .isEqualTo(Refusal.STALE);
        }
    }

    @Test
    void aReplayIsRefusedEvenWithTheSignatureMalleated() {
        var headers = signer.headers(batch, SIGNED_AT);
        assertThat(events.parse(Provider.SENDGRID, batch, headers)).isInstanceOf(ParseResult.Accepted.class);
        assertThat(refusal(events.parse(Provider.SENDGRID, batch, headers))).isEqualTo(Refusal.REPLAYED);
        var malleated = new java.util.HashMap<>(headers);
        malleated.put("X-Twilio-Email-Event-Webhook-Signature", List.of(malleate(
                headers.get("X-Twilio-Email-Event-Webhook-Signature").get(0))));
        assertThat(refusal(events.parse(Provider.SENDGRID, batch, malleated))).isEqualTo(Refusal.REPLAYED);
    }

    @Test
    void aTruncatedBodyFailsItsSignatureAndUnverifiedIsMalformed() {
        byte[] half = Arrays.copyOf(batch, batch.length / 2);
        assertThat(refusal(events.parse(Provider.SENDGRID, half, signer.headers(batch, SIGNED_AT))))
                .isEqualTo(Refusal.FORGED);
        ProviderEvents open = ProviderEvents.builder().verify(Provider.SENDGRID, Verification.none()).build();
        assertThat(open.parse(Provider.SENDGRID, half, Map.of())).isInstanceOf(ParseResult.Malformed.class);
        assertThat(events.parse(Provider.SENDGRID, half, signer.headers(half, SIGNED_AT)))
                .isInstanceOf(ParseResult.Malformed.class);
    }

    @Test
    void aKeyNotOnP256IsRefusedWhenConfigured() {
        assertThatThrownBy(() -> Verification.sendGrid("bm90IGEga2V5")).isInstanceOf(IllegalArgumentException.class);
        String rsa = Base64.getEncoder().encodeToString(TestCa.rsa().getPublic().getEncoded());
        assertThatThrownBy(() -> Verification.sendGrid(rsa)).isInstanceOf(IllegalArgumentException.class);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + signer.publicKey() + "\n-----END PUBLIC KEY-----\n";
        assertThat(Verification.sendGrid(pem).publicKey()).isEqualTo(signer.keys.getPublic());
    }

    /** The other valid signature of the same request: (r, s) becomes (r, n - s). */
    private String malleate(String base64) {
        byte[] der = Base64.getDecoder().decode(base64);
        int rLength = der[3];
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(der, 4, 4 + rLength));
        int sLength = der[5 + rLength];
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(der, 6 + rLength, 6 + rLength + sLength));
        BigInteger n = ((ECPublicKey) signer.keys.getPublic()).getParams().getOrder();
        byte[] rb = r.toByteArray();
        byte[] sb = n.subtract(s).toByteArray();
        byte[] out = new byte[6 + rb.length + sb.length];
        out[0] = 0x30;
        out[1] = (byte) (4 + rb.length + sb.length);
        out[2] = 0x02;
        out[3] = (byte) rb.length;
        System.arraycopy(rb, 0, out, 4, rb.length);
        out[4 + rb.length] = 0x02;
        out[5 + rb.length] = (byte) sb.length;
        System.arraycopy(sb, 0, out, 6 + rb.length, sb.length);
        return Base64.getEncoder().encodeToString(out);
    }
}
