package org.mailoutcome.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailoutcome.tracking.Provider;

/** What every provider shares: the size limit, the refusal of what is not configured, the counters. */
class ProviderEventsTest {

    @Test
    void noProviderIsTrustedUnlessConfigured() {
        ProviderEvents events = ProviderEvents.builder().build();
        for (Provider p : Provider.values()) {
            ParseResult result = events.parse(p, "[]".getBytes(), Map.of());
            assertThat(result).isInstanceOfSatisfying(ParseResult.Refused.class,
                    r -> assertThat(r.refusal()).isEqualTo(Refusal.NOT_CONFIGURED));
            assertThat(events.counters().refused(p, Refusal.NOT_CONFIGURED)).isEqualTo(1);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeAnythingElse() {
        ProviderEvents events = ProviderEvents.builder().maxBytes(1024)
                .verify(Provider.MAILJET, Verification.none()).build();
        byte[] big = new byte[1025];
        assertThat(events.parse(Provider.MAILJET, big, Map.of())).isEqualTo(new ParseResult.TooLarge(Provider.MAILJET,
                1024));
        assertThat(events.parse(Provider.MAILJET, new byte[1024], Map.of())).isInstanceOf(ParseResult.Malformed.class);
        assertThat(events.counters().tooLarge(Provider.MAILJET)).isEqualTo(1);
        assertThat(events.counters().malformed(Provider.MAILJET)).isEqualTo(1);
    }

    @Test
    void theDefaultLimitIsTenMebibytesAndAStreamIsReadOnlyThatFar() throws IOException {
        ProviderEvents events = ProviderEvents.builder().verify(Provider.SENDGRID, Verification.none()).build();
        assertThat(events.maxBytes()).isEqualTo(10L * 1024 * 1024);
        CountingStream endless = new CountingStream();
        ParseResult result = events.parse(Provider.SENDGRID, endless, Map.of());
        assertThat(result).isInstanceOf(ParseResult.TooLarge.class);
        assertThat(result.httpStatus()).isEqualTo(413);
        assertThat(endless.read).isEqualTo(events.maxBytes() + 1);
    }

    @Test
    void aSmallStreamIsReadLikeItsBytes() throws IOException {
        ProviderEvents events = ProviderEvents.builder().verify(Provider.MAILJET, Verification.none()).build();
        ParseResult result = events.parse(Provider.MAILJET, new ByteArrayInputStream(
                Payloads.bytes("mailjet/spam.json")), Map.of());
        assertThat(Payloads.only(result)).isInstanceOf(ProviderEvent.Complained.class);
        assertThat(result.httpStatus()).isEqualTo(200);
    }

    @Test
    void aVerificationThatDoesNotFitItsProviderIsRefusedAtBuild() {
        assertThatThrownBy(() -> ProviderEvents.builder().verify(Provider.MAILGUN, Verification.sns("arn:x")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAILGUN");
        assertThatThrownBy(() -> ProviderEvents.builder()
                .verify(Provider.SES, Verification.basicAuth("u", "p")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderEvents.builder()
                .verify(Provider.POSTMARK, Verification.mailgun("k")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verification.sns()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Verification.basicAuth("a:b", "p")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderEvents.builder().maxBytes(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMailgunKeyIsNeverPrinted() {
        assertThat(Verification.mailgun("key-very-secret").toString()).doesNotContain("very-secret");
    }

    @Test
    void everyProviderHasAShortName() {
        for (Provider p : Provider.values()) assertThat(Provider.tryParse(p.id().toUpperCase())).contains(p);
        assertThat(Provider.tryParse("postfix")).isEmpty();
        assertThat(Provider.parse("Mailjet")).isEqualTo(Provider.MAILJET);
        assertThatThrownBy(() -> Provider.parse("postfix")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sparkpost");
    }

    @Test
    void aBodyThatIsNotUtf8OrHasTrailingDataIsMalformed() {
        ProviderEvents events = ProviderEvents.builder().verify(Provider.POSTMARK, Verification.none()).build();
        assertThat(events.parse(Provider.POSTMARK, new byte[] {'{', (byte) 0xC3, '}'}, Map.of()))
                .isInstanceOfSatisfying(ParseResult.Malformed.class, m -> assertThat(m.why()).isEqualTo("not UTF-8"));
        assertThat(events.parse(Provider.POSTMARK, "{} {}".getBytes(), Map.of()))
                .isInstanceOf(ParseResult.Malformed.class);
        assertThat(events.parse(Provider.POSTMARK, "{'RecordType':'Open'}".getBytes(), Map.of()))
                .isInstanceOf(ParseResult.Malformed.class);
        assertThat(events.parse(Provider.POSTMARK, "   ".getBytes(), Map.of()))
                .isInstanceOf(ParseResult.Malformed.class);
    }

    /** An endless stream of spaces that counts what was read of it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return ' ';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) ' ');
            read += len;
            return len;
        }
    }
}
