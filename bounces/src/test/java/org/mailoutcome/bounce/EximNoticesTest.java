package org.mailoutcome.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;

/**
 * Notices a real Exim 4.96 wrote in the interop suite (src/test/resources/exim, see the README there): each
 * recipient with its action, status and reason. Exim states only X.0.0 in {@code Status}; the finer status is the
 * remote reply's. Exim writes {@code Original-Recipient} only for a recipient sent with a NOTIFY parameter.
 */
class EximNoticesTest {
    private static final BounceParser PARSER = BounceParser.defaults();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        failed-user-unknown.eml  | gone@far.test             | false | FAILED    | 5.1.1 | USER_UNKNOWN | ezt4qpqupwefdu4e233e3nff2w
        delayed.eml              | slow-envelope_id@far.test | true  | DELAYED   | 4.3.0 | SYSTEM       | iyhc76z5hsi6pxgbbraiiop3np
        failed-retry-timeout.eml | slow-envelope_id@far.test | true  | FAILED    | 4.3.0 | EXPIRED      | iyhc76z5hsi6pxgbbraiiop3np
        delivered.eml            | alice@lab.test            | true  | DELIVERED | 2.0.0 | NONE         | hxsncnz2pqmsquckjf33ogjld4
        delivered.eml            | ok@far.test               | true  | DELIVERED | 2.0.0 | NONE         | hxsncnz2pqmsquckjf33ogjld4
        """)
    void eachRecipientOfEximsNoticeHasItsActionStatusAndReason(String file, String recipient,
            boolean originalStated, Action action, String status, Reason reason, String envelopeId) {
        Bounce bounce = (Bounce) PARSER.parse(mail(file));

        assertThat(bounce.format()).isEqualTo(Format.DELIVERY_STATUS);
        assertThat(bounce.reportingMta()).contains("mx.exim.test");
        assertThat(bounce.originalEnvelopeId()).contains(envelopeId);
        assertThat(bounce.messageId()).as("the returned Message-ID, for correlation").isPresent();
        BouncedRecipient r = bounce.recipients().stream().filter(b -> b.finalRecipient().equals(recipient))
                .findFirst().orElseThrow(() -> new AssertionError(recipient + " not in " + bounce.recipients()));
        assertThat(r.originalRecipient()).as("the ORCPT the mailer sent, which Exim returns only with a NOTIFY")
                .isEqualTo(originalStated ? Optional.of(recipient) : Optional.empty());
        assertThat(r.action()).isEqualTo(action);
        assertThat(r.status()).isEqualTo(EnhancedStatus.parse(status));
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(bounce.recipients()).as("every recipient of the notice is in this table")
                .hasSize(file.equals("delivered.eml") ? 2 : 1);
    }

    private static byte[] mail(String file) {
        try (InputStream in = Objects.requireNonNull(EximNoticesTest.class.getResourceAsStream("/exim/" + file),
                file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
