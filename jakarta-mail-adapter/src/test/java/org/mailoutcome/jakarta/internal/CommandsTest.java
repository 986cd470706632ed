package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailoutcome.SmtpReply;
import org.junit.jupiter.api.Test;

/** The one reading of a command line's verb, and the one AUTH redaction, on lines as Angus writes them. */
class CommandsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MAIL FROM:<sender@client.test> RET=HDRS ENVID=QQ314159|MAIL",
        "mail from:<a@b.test>|MAIL",
        "RCPT TO:<a@example.test> NOTIFY=SUCCESS,FAILURE|RCPT",
        "DATA|DATA",
        ".|MESSAGE",
        "BDAT 2048 LAST|MESSAGE",
        "BDAT 1048576|MESSAGE",
        "EHLO client.test|EHLO",
        "HELO client.test|EHLO",
        "STARTTLS|STARTTLS",
        "AUTH PLAIN AGFsaWNlAHNlY3JldA==|AUTH",
        "RSET|RSET",
        "VRFY alice|VRFY",
        "EXPN staff|EXPN",
        "NOOP|NOOP",
        "QUIT|QUIT"})
    void theVerbNamesTheStage(String line, String stage) {
        assertThat(Commands.stageOf(line)).hasValueSatisfying(s -> assertThat(s.name()).isEqualTo(stage));
    }

    @Test
    void aLineWithoutAKnownVerbHasNoStage() {
        assertThat(Commands.stageOf("AGFsaWNlAHNlY3JldA==")).isEmpty();
        assertThat(Commands.stageOf("MAILX FROM:<a@b.test>")).isEmpty();
        assertThat(Commands.stageOf("")).isEmpty();
    }

    @Test
    void onlyBdatWithLastIsTheLastChunk() {
        assertThat(Commands.isLastChunk("BDAT 12 LAST")).isTrue();
        assertThat(Commands.isLastChunk("bdat 0 last")).isTrue();
        assertThat(Commands.isLastChunk("BDAT 12")).isFalse();
        assertThat(Commands.isLastChunk(".")).isFalse();
    }

    @Test
    void authArgumentsAreRedactedAndOtherLinesKept() {
        assertThat(Commands.redact("AUTH PLAIN AGFsaWNlAHNlY3JldA==")).isEqualTo("AUTH PLAIN ***");
        assertThat(Commands.redact("AUTH LOGIN")).isEqualTo("AUTH LOGIN");
        assertThat(Commands.redact("MAIL FROM:<a@b.test>")).isEqualTo("MAIL FROM:<a@b.test>");
    }

    @Test
    void anAuthReplyKeepsItsCodeAndEnhancedStatusOnly() {
        String raw = "535 5.7.8 Error: authentication failed: alice:secret";
        assertThat(Commands.withheld(raw)).isEqualTo("535 5.7.8 (text withheld: AUTH stage)");
        assertThat(Commands.withheld(SmtpReply.parse(raw)).toString())
                .isEqualTo("535 5.7.8 (text withheld: AUTH stage)");
        assertThat(Commands.withheld("334 YWxpY2U6c2VjcmV0")).isEqualTo("334 (text withheld: AUTH stage)");
        assertThat(Commands.withheld("garbage alice:secret")).isEqualTo("(unparseable reply withheld: AUTH stage)");
    }
}
