package org.mailoutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpReplyTest {

    @Test
    void singleLineReplyHasCodeEnhancedStatusAndText() {
        SmtpReply reply = SmtpReply.parse("250 2.1.5 Ok\r\n");
        assertThat(reply.code()).isEqualTo(250);
        assertThat(reply.enhancedStatus()).contains(EnhancedStatus.of(2, 1, 5));
        assertThat(reply.lines()).containsExactly("2.1.5 Ok");
        assertThat(reply.text()).isEqualTo("Ok");
    }

    @Test
    void multiLineReplyKeepsEveryLineWithCrLfOrBareLf() {
        String gmail = "550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n"
                + "550-5.1.1 double-checking the recipient's email address for typos or\n"
                + "550 5.1.1 unnecessary spaces. gsmtp";
        SmtpReply reply = SmtpReply.parse(gmail);
        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.lines()).hasSize(3);
        assertThat(reply.text()).isEqualTo("The email account that you tried to reach does not exist. Please try\n"
                + "double-checking the recipient's email address for typos or\nunnecessary spaces. gsmtp");
    }

    @Test
    void ehloReplyParsesWithoutEnhancedStatus() {
        SmtpReply reply = SmtpReply.parse("250-mx.lab.test\n250-PIPELINING\n250-SIZE 1000000\n250 CHUNKING");
        assertThat(reply.enhancedStatus()).isEmpty();
        assertThat(reply.lines()).containsExactly("mx.lab.test", "PIPELINING", "SIZE 1000000", "CHUNKING");
    }

    @Test
    void enhancedStatusComesFromTheFirstLineThatHasOne() {
        SmtpReply reply = SmtpReply.parse("550-Mailbox unavailable\n550 5.1.1 no such user");
        assertThat(reply.enhancedStatus()).contains(EnhancedStatus.of(5, 1, 1));
    }

    @Test
    void inconsistentCodesAcrossLinesTakeTheFirstLinesCode() {
        assertThat(SmtpReply.parse("451-first\n550 second").code()).isEqualTo(451);
    }

    @Test
    void threeDigitCodeAloneIsAReplyWithEmptyText() {
        SmtpReply reply = SmtpReply.parse("250");
        assertThat(reply.code()).isEqualTo(250);
        assertThat(reply.text()).isEmpty();
    }

    @Test
    void extraSpacesAndTabsAreDropped() {
        SmtpReply reply = SmtpReply.parse("250\t  2.0.0   Ok  \t");
        assertThat(reply.enhancedStatus()).contains(EnhancedStatus.of(2, 0, 0));
        assertThat(reply.text()).isEqualTo("Ok");
    }

    @Test
    void truncatedMultiLineReplyIsAccepted() {
        SmtpReply reply = SmtpReply.parse("550-5.7.1 first line\n550-5.7.1 second line\n");
        assertThat(reply.lines()).containsExactly("5.7.1 first line", "5.7.1 second line");
    }

    @Test
    void laterLineWithoutCodeIsKeptAsText() {
        assertThat(SmtpReply.parse("550-first\n  indented\n550 last").lines())
                .containsExactly("first", "indented", "last");
    }

    @Test
    void statusLikeTextThatRunsOnIsNotAnEnhancedStatus() {
        assertThat(SmtpReply.parse("250 2.0.0abc").enhancedStatus()).isEmpty();
        assertThat(SmtpReply.parse("250 5.1.1.1 x").enhancedStatus()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\r\n", "hello?", "25", "2500 ok", "250ok", "600 too high", "099 low", "abc 250",
        " 250 leading blank", "\u0000\u0000\u0000"})
    void garbageIsRejectedWithTheOffendingInput(String garbage) {
        assertThatThrownBy(() -> SmtpReply.parse(garbage))
                .isInstanceOf(MalformedReplyException.class)
                .hasMessageStartingWith("malformed SMTP reply");
        assertThat(SmtpReply.tryParse(garbage)).isEmpty();
    }

    @Test
    void exceptionMessageTruncatesAndEscapesInput() {
        String longGarbage = "x\r\n".repeat(1000);
        MalformedReplyException e = catchMalformed(longGarbage);
        assertThat(e.input()).startsWith("\"x\\r\\nx\\r\\n").contains("(3000 chars)").hasSizeLessThan(300);
    }

    @Test
    void tryParseOfNullIsEmpty() {
        assertThat(SmtpReply.tryParse(null)).isEmpty();
    }

    @Test
    void oneMegabyteReplyParsesInOnePass() {
        String big = "550 5.7.1 " + "a".repeat(1 << 20);
        assertThat(SmtpReply.parse(big).text()).hasSize(1 << 20);
        String manyLines = "250-x\n".repeat(100_000) + "250 end";
        assertThat(SmtpReply.parse(manyLines).lines()).hasSize(100_001);
    }

    @Test
    void toStringIsTheWireForm() {
        assertThat(SmtpReply.parse("250-a\r\n250 b").toString()).isEqualTo("250-a\n250 b");
    }

    @Test
    void ofBuildsAReplyFromCodeAndText() {
        SmtpReply reply = SmtpReply.of(551, "5.1.6 User not local; please try <x@y.example>");
        assertThat(reply.enhancedStatus()).contains(EnhancedStatus.of(5, 1, 6));
        assertThat(reply).isEqualTo(SmtpReply.parse("551 5.1.6 User not local; please try <x@y.example>"));
    }

    @Test
    void constructorChecksItsArguments() {
        assertThatThrownBy(() -> new SmtpReply(99, Optional.empty(), List.of("")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("code must be within 100-599: 99");
        assertThatThrownBy(() -> new SmtpReply(250, Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPostfixTranscriptReplyParses() {
        List<String[]> rows = Transcripts.rows("postfix-3.7.tsv");
        assertThat(rows).hasSizeGreaterThan(50);
        for (String[] row : rows) {
            SmtpReply reply = SmtpReply.parse(row[2]);
            assertThat(reply.code()).as(row[2]).isEqualTo(Integer.parseInt(row[2].substring(0, 3)));
        }
    }

    private static MalformedReplyException catchMalformed(String input) {
        try {
            SmtpReply.parse(input);
        } catch (MalformedReplyException e) {
            return e;
        }
        throw new AssertionError("no exception for " + input);
    }
}
