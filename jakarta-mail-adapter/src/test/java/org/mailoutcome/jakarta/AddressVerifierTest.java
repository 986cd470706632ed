package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;

/** The verifier's API contract, without a server: argument checks happen before any connection is opened. */
class AddressVerifierTest {
    /** Port 9 (discard) on loopback: nothing listens there, and nothing here may connect anyway. */
    private static final Session NOWHERE = session("mail.smtp.host", "127.0.0.1", "mail.smtp.port", "9");

    private static Session session(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) props.setProperty(keyValues[i], keyValues[i + 1]);
        return Session.getInstance(props);
    }

    @Test
    void resultNamesTheProbeThatProducedItNeverAuto() {
        DeliveryOutcome outcome = DeliveryOutcome.classify(Stage.VRFY, "252 2.0.0 a@example.test");
        assertThat(new ProbeResult("a@example.test", outcome, ProbeMethod.VRFY).method()).isEqualTo(ProbeMethod.VRFY);
        assertThatThrownBy(() -> new ProbeResult("a@example.test", outcome, ProbeMethod.AUTO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VRFY or RCPT");
        assertThatThrownBy(() -> new ProbeResult(null, outcome, ProbeMethod.VRFY)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "no-at-sign", "<a@example.test>", "A <a@example.test>", "a@example.test\r\nRSET",
            "a@example.test\n", "a@@example.test", "a b@example.test", "a@"})
    void addressThatIsNotAMailboxIsAnIllegalArgument(String bad) {
        try (AddressVerifier verifier = AddressVerifier.create(NOWHERE)) {
            assertThatThrownBy(() -> verifier.verify(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a valid mailbox");
        }
    }

    @Test
    void controlCharactersAreEscapedInTheMessage() {
        try (AddressVerifier verifier = AddressVerifier.create(NOWHERE)) {
            assertThatThrownBy(() -> verifier.verify("a@example.test\r\nDATA"))
                    .hasMessageContaining("\\x0d\\x0a").hasMessageNotContaining("\r");
        }
    }

    @Test
    void nonAsciiAddressNeedsAllowutf8() {
        try (AddressVerifier verifier = AddressVerifier.create(NOWHERE)) {
            assertThatThrownBy(() -> verifier.verify("jörg@example.test"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mail.mime.allowutf8");
        }
    }

    @Test
    void emptyBatchIsAnEmptyListWithoutConnecting() {
        try (AddressVerifier verifier = AddressVerifier.create(NOWHERE)) {
            assertThat(verifier.verifyAll(List.of())).isEmpty();
        }
    }

    @Test
    void closedVerifierRefusesToProbe() {
        AddressVerifier verifier = AddressVerifier.create(NOWHERE);
        verifier.close();
        assertThatThrownBy(() -> verifier.verify("a@example.test")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void builderChecksEachArgument() {
        AddressVerifier.Builder builder = AddressVerifier.builder(NOWHERE);
        assertThatThrownBy(() -> builder.maxConnections(0)).hasMessage("maxConnections must be >= 1: 0");
        assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO)).hasMessage("readTimeout must be positive: PT0S");
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxIdle(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.method(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AddressVerifier.builder(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void mailFromAcceptsAMailboxOrTheNullReversePath() {
        AddressVerifier.Builder builder = AddressVerifier.builder(NOWHERE);
        assertThat(builder.mailFrom("probe@client.test")).isSameAs(builder);
        assertThat(builder.mailFrom("")).isSameAs(builder);
        assertThat(builder.mailFrom("<>")).isSameAs(builder);
        assertThatThrownBy(() -> builder.mailFrom("<probe@client.test>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.mailFrom("probe@client.test\r\nDATA"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidSenderInTheSessionIsReportedByBuild() {
        Session badEnvelopeFrom = session("mail.smtp.host", "127.0.0.1", "mail.smtp.from", "not an address");
        assertThatThrownBy(() -> AddressVerifier.create(badEnvelopeFrom)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mail.smtp.from");
        Session badFrom = session("mail.smtp.host", "127.0.0.1", "mail.from", "a@b@c");
        assertThatThrownBy(() -> AddressVerifier.create(badFrom)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mail.from");
    }

    @Test
    void explicitSenderOverridesAnInvalidOneInTheSession() {
        Session badEnvelopeFrom = session("mail.smtp.host", "127.0.0.1", "mail.smtp.from", "not an address");
        AddressVerifier.builder(badEnvelopeFrom).mailFrom("probe@client.test").build().close();
    }
}
