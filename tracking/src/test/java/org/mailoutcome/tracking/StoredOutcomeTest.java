package org.mailoutcome.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.FailureCause;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.TlsFailure;

class StoredOutcomeTest {

    static Stream<Arguments> replies() {
        return Stream.of(
                Arguments.of(Stage.RCPT, "250 2.1.5 Ok"),
                Arguments.of(Stage.RCPT, "251 2.1.5 User not local; will forward to <bob@new.example>"),
                Arguments.of(Stage.RCPT, "252 2.1.5 Cannot VRFY user, but will accept message and attempt delivery"),
                Arguments.of(Stage.RCPT, "551 5.1.6 User not local; please try <moved551@new.example>"),
                Arguments.of(Stage.RCPT, "550 5.1.1 <nobody@lab.test>: Recipient address rejected: User unknown"),
                Arguments.of(Stage.RCPT, "452 4.5.3 Error: too many recipients"),
                Arguments.of(Stage.RCPT, "451 4.7.1 Greylisted, please try again later"),
                Arguments.of(Stage.MESSAGE, "250 2.0.0 Ok: queued as 4Xyz"),
                Arguments.of(Stage.MESSAGE, "554-5.7.1 Message rejected\n554-because of its content\n554 5.7.1 see URL"),
                Arguments.of(Stage.MESSAGE, "552 5.3.4 Message size exceeds fixed limit"),
                Arguments.of(Stage.RCPT, "this is no reply"));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void anOutcomeComesBackEqualFromItsStageAndReplyText(Stage stage, String reply) {
        DeliveryOutcome outcome = DeliveryOutcome.classify(stage, reply);

        StoredOutcome stored = StoredOutcome.of(outcome);

        assertThat(stored.stage()).isEqualTo(stage);
        assertThat(stored.outcome()).isEqualTo(outcome);
        assertThat(new StoredOutcome(stored.stage(), stored.text()).outcome().forwardPath())
                .isEqualTo(outcome.forwardPath());
    }

    @Test
    void aLostConnectionKeepsItsDetailAndWhetherItWasAfterTheEndOfData() {
        for (boolean afterData : new boolean[] {false, true}) {
            DeliveryOutcome lost = new DeliveryOutcome.ConnectionLost(Stage.MESSAGE, afterData, "Read timed out");

            StoredOutcome stored = StoredOutcome.of(lost);

            assertThat(stored.text()).startsWith("lost");
            assertThat(stored.outcome()).isEqualTo(lost);
        }
    }

    @Test
    void theTextOfAReplyIsItsWireForm() {
        StoredOutcome stored = StoredOutcome.of(DeliveryOutcome.classify(Stage.RCPT, "250-first\r\n250 second"));

        assertThat(stored.text()).isEqualTo("250-first\n250 second");
    }

    @Test
    void aSuppressedOutcomeComesBackEqual() {
        for (var suppressed : java.util.List.of(
                new DeliveryOutcome.Suppressed(org.mailoutcome.SuppressionKind.SOFT_BOUNCES,
                        org.mailoutcome.Reason.MAILBOX_FULL, java.time.Instant.parse("2025-03-01T10:00:00.123456Z"),
                        java.util.Optional.of(java.time.Instant.parse("2025-03-31T10:00:00Z")),
                        "bounce <n1@mx>: 552 5.2.2 Mailbox full (send abc)"),
                new DeliveryOutcome.Suppressed(org.mailoutcome.SuppressionKind.MANUAL, org.mailoutcome.Reason.UNKNOWN,
                        java.time.Instant.EPOCH, java.util.Optional.empty(), ""))) {
            StoredOutcome stored = StoredOutcome.of(suppressed);
            assertThat(stored.text()).startsWith("suppressed: ");
            assertThat(new StoredOutcome(stored.stage(), stored.text()).outcome()).isEqualTo(suppressed);
        }
    }

    @Test
    void aLostConnectionKeepsItsCauseTlsFailureIncluded() {
        FailureCause cause = new FailureCause("javax.net.ssl.SSLHandshakeException", "PKIX path building failed:\n"
                + "unable to find valid certification path to requested target \\ [tls] x", Optional.of(
                        TlsFailure.CERTIFICATE_UNTRUSTED));
        DeliveryOutcome lost = new DeliveryOutcome.ConnectionLost(Stage.CONNECT, false,
                "SunCertPathBuilderException: unable to find valid certification path", Optional.of(cause));

        StoredOutcome stored = StoredOutcome.of(lost);

        assertThat(stored.text()).startsWith("lost: SunCertPathBuilderException").contains("\n[tls] CERTIFICATE_UNTRUSTED");
        assertThat(stored.outcome()).isEqualTo(lost);
        assertThat(stored.outcome().cause()).contains(cause);
    }

    @Test
    void aClientRefusalKeepsItsExceptionAndATextStoredBeforeCausesReadsAsBefore() {
        DeliveryOutcome refused = new DeliveryOutcome.Unexpected(Stage.MAIL, Optional.empty(), Reason.UNKNOWN,
                Optional.of(new FailureCause("jakarta.mail.MessagingException", "can't determine local email address",
                        Optional.empty())));

        assertThat(StoredOutcome.of(refused).outcome()).isEqualTo(refused);
        assertThat(new StoredOutcome(Stage.MESSAGE, "lost after end of data: Read timed out").outcome())
                .isEqualTo(new DeliveryOutcome.ConnectionLost(Stage.MESSAGE, true, "Read timed out"));
    }
}
