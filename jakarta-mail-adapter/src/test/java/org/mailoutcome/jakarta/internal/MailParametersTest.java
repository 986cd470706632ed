package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailParametersTest {
    private final MailParameters all = new MailParameters(Optional.of("abc123"), Optional.of("bounces+abc123@b.test"));

    @Test
    void mailFromGetsTheVerpSenderAndEnvidWhereDsnIsAdvertisedKeepingTheSessionsRet() {
        assertThat(all.apply("MAIL FROM:<sender@client.test> RET=FULL SMTPUTF8", true))
                .isEqualTo("MAIL FROM:<bounces+abc123@b.test> RET=FULL SMTPUTF8 ENVID=abc123");
        assertThat(all.envelopeIdSent()).isTrue();
    }

    @Test
    void withoutDsnOnlyTheVerpSenderChanges() {
        assertThat(all.apply("MAIL FROM:<sender@client.test>", false)).isEqualTo("MAIL FROM:<bounces+abc123@b.test>");
        assertThat(all.apply("RCPT TO:<a@x.test>", false)).isEqualTo("RCPT TO:<a@x.test>");
        assertThat(all.envelopeIdSent()).isFalse();
    }

    @Test
    void rcptKeepsTheSessionsNotifyAndGetsOrcptInXtext() {
        assertThat(all.apply("RCPT TO:<a+b=c@x.test> NOTIFY=NEVER", true))
                .isEqualTo("RCPT TO:<a+b=c@x.test> NOTIFY=NEVER ORCPT=rfc822;a+2Bb+3Dc@x.test");
    }

    @Test
    void otherCommandsAreLeftAlone() {
        assertThat(all.apply("EHLO client", true)).isEqualTo("EHLO client");
        assertThat(all.apply("DATA", true)).isEqualTo("DATA");
    }

    @Test
    void xtextEncodesEverythingOutsidePrintableAsciiAndPlusAndEquals() {
        assertThat(MailParameters.xtext("é +=")).isEqualTo("+C3+A9+20+2B+3D");
    }
}
