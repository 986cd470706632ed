package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Checks of the options; none of these starts a server. */
class SmtpServerBuilderTest {

    private final SmtpServer.Builder builder = SmtpServer.builder();

    @Test
    void hostnameMustBeOneNonEmptyWord() {
        assertThatThrownBy(() -> builder.hostname("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.hostname("mx example")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hostname must be non-empty without whitespace: mx example");
        assertThatThrownBy(() -> builder.hostname(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> builder.maxMessageSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxMessageSize must be >= 1: 0");
        assertThatThrownBy(() -> builder.maxRecipients(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxRecipients must be >= 1: 0");
    }

    @Test
    void readTimeoutMustBePositive() {
        assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.readTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authNeedsAUserName() {
        assertThatThrownBy(() -> builder.auth("", "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.auth("u", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void requireTlsWithoutStarttlsIsRefusedAtStart() {
        SmtpServer.Builder tlsRequired = builder.requireTls(true);
        assertThatThrownBy(tlsRequired::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("requireTls(true) needs starttls(true)");
    }

    @Test
    void requireAuthWithoutCredentialsIsRefusedAtStart() {
        SmtpServer.Builder authRequired = builder.requireAuth(true);
        assertThatThrownBy(authRequired::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("requireAuth(true) needs auth(user, password)");
    }
}
