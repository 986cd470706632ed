package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailoutcome.tracking.Provider;

/**
 * Bad input gets a typed result, never an exception: seeded mutations of every documented payload (truncation,
 * overwritten, inserted and deleted bytes), and hand-made hostile bodies. A result "could not be read" would mean an
 * exception reached the last-resort catch: none may.
 */
class HostileInputTest {
    private static final int MUTATIONS = 300;
    private final ProviderEvents events = Documented.unverified();

    private void assertTyped(Provider provider, byte[] body) {
        ParseResult result = events.parse(provider, body, Map.of());
        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Malformed m) {
            assertThat(m.why()).as("a mutation of %s", provider).doesNotStartWith("could not be read");
        }
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void mutationsOfDocumentedPayloadsGiveTypedResults(Provider provider) {
        Random random = new Random(26L * 31 + provider.ordinal());
        for (String resource : Documented.resources(provider)) {
            byte[] original = Payloads.bytes(resource);
            for (int i = 0; i < MUTATIONS; i++) assertTyped(provider, mutate(original, random));
        }
    }

    @Test
    void mutationsOfSignedPayloadsGiveTypedResultsWithVerificationOn() {
        SnsFixture sns = new SnsFixture();
        MailgunSigner mailgun = new MailgunSigner();
        SendGridSigner sendGrid = new SendGridSigner();
        ProviderEvents verifying = ProviderEvents.builder().clock(Payloads.CLOCK)
                .verify(Provider.SES, sns.verification())
                .verify(Provider.MAILGUN, Verification.mailgun(mailgun.key))
                .verify(Provider.SENDGRID, Verification.sendGrid(sendGrid.publicKey())).build();
        Random random = new Random(2026);
        byte[] ses = sns.notification("ses/bounce-permanent.json");
        byte[] mg = mailgun.sign("mailgun/failed-permanent.json", Payloads.NOW.getEpochSecond(), "t0k3n");
        byte[] sg = Payloads.bytes("sendgrid/all-kinds.json");
        var sgHeaders = sendGrid.headers(sg, Payloads.NOW.getEpochSecond());
        int changed = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] sgMutated = mutate(sg, random);
            if (!Arrays.equals(sgMutated, sg)) changed++;
            ParseResult sgResult = verifying.parse(Provider.SENDGRID, sgMutated, sgHeaders);
            if (!Arrays.equals(sgMutated, sg)) assertThat(sgResult).isNotInstanceOf(ParseResult.Accepted.class);
            for (ParseResult r : new ParseResult[] {sgResult,
                verifying.parse(Provider.SES, mutate(ses, random), Map.of()),
                verifying.parse(Provider.MAILGUN, mutate(mg, random), Map.of())}) {
                if (r instanceof ParseResult.Malformed m) assertThat(m.why()).doesNotStartWith("could not be read");
            }
        }
        assertThat(changed).isGreaterThan(MUTATIONS / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "]", "{", "\"", "null", "true", "0", "1e999999999", "[[]]", "{\"a\":}", "[1,]"})
    void fragmentsAreMalformedOrReadForEveryProvider(String body) {
        for (Provider p : Provider.values()) assertTyped(p, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deepNestingIsRefusedWithoutRecursion() {
        byte[] deep = ("[".repeat(200_000) + "]".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);
        for (Provider p : Provider.values()) {
            assertThat(events.parse(p, deep, Map.of())).isInstanceOf(ParseResult.Malformed.class);
        }
    }

    @Test
    void fieldsOfTheWrongTypeAreReportedNotThrown() {
        String wrong = "[{\"event\":[1],\"email\":{\"x\":1},\"timestamp\":\"soon\",\"reason\":7,\"type\":null},"
                + "{\"event\":\"bounce\",\"email\":\"a@example.net\",\"timestamp\":1e400,\"status\":{},\"reason\":[]}]";
        ParseResult result = events.parse(Provider.SENDGRID, wrong.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(Payloads.accepted(result).events()).extracting(ProviderEvent::name)
                .containsExactly("Unknown", "Bounced");
        String ses = "{\"eventType\":\"Bounce\",\"bounce\":{\"bouncedRecipients\":[1,{\"emailAddress\":[]},"
                + "{\"emailAddress\":\"a@example.net\",\"status\":\"9.9.9\",\"diagnosticCode\":{}}]},\"mail\":[]}";
        assertThat(Payloads.accepted(events.parse(Provider.SES, ses.getBytes(StandardCharsets.UTF_8), Map.of()))
                .events()).extracting(ProviderEvent::name).containsExactly("Unknown", "Bounced");
    }

    @Test
    void aHugeStringIsReadAndAHugeNumberIsMalformed() {
        String body = "{\"event\":\"sent\",\"time\":\"" + "9".repeat(9_000) + "\",\"email\":\"a@example.net\","
                + "\"smtp_reply\":\"" + "250 ".repeat(200_000) + "\"}";
        ProviderEvent e = Payloads.only(events.parse(Provider.MAILJET, body.getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(e.timestamp()).isEmpty();
        assertThat(((ProviderEvent.Delivered) e).reply()).hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(250));
        String number = "{\"event\":\"sent\",\"time\":" + "9".repeat(9_000) + ",\"email\":\"a@example.net\"}";
        assertThat(events.parse(Provider.MAILJET, number.getBytes(StandardCharsets.UTF_8), Map.of()))
                .isInstanceOf(ParseResult.Malformed.class);
    }

    private static byte[] mutate(byte[] in, Random random) {
        byte[] out = in.clone();
        switch (random.nextInt(4)) {
            case 0 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 1 -> {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    String noise = "{}[]\":,0a\\ \u00ff";
                    out[random.nextInt(out.length)] = (byte) noise.charAt(random.nextInt(noise.length()));
                }
            }
            case 2 -> {
                int at = random.nextInt(out.length);
                byte[] bigger = new byte[out.length + 1];
                System.arraycopy(out, 0, bigger, 0, at);
                bigger[at] = (byte) random.nextInt(256);
                System.arraycopy(out, at, bigger, at + 1, out.length - at);
                out = bigger;
            }
            default -> {
                int at = random.nextInt(out.length);
                int n = Math.min(out.length - at, 1 + random.nextInt(40));
                byte[] smaller = new byte[out.length - n];
                System.arraycopy(out, 0, smaller, 0, at);
                System.arraycopy(out, at + n, smaller, at, out.length - at - n);
                out = smaller;
            }
        }
        return out;
    }
}
