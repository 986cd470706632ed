package org.mailoutcome.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerReplyTest {

    @Test
    void eachLineIsWrittenVerbatimFollowedByCrlf() {
        ServerReply reply = ServerReply.lines(List.of("550-5.1.1 first line", "550 5.1.1 second line"));
        assertThat(new String(reply.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("550-5.1.1 first line\r\n550 5.1.1 second line\r\n");
    }

    @Test
    void textJoinsLinesWithNewlineAndDropsTheLastLineEnding() {
        ServerReply reply = ServerReply.lines(List.of("250-a", "250 b"));
        assertThat(reply.text()).isEqualTo("250-a\n250 b");
    }

    @Test
    void rawTextKeepsBareLineFeedsAndDropsOneTrailingOne() {
        ServerReply reply = ServerReply.raw("250-a\n250 b\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(reply.text()).isEqualTo("250-a\n250 b");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource({"250 Ok, 250", "551 5.1.6 moved, 551", "421, 421", "199 x, 199", "599 x, 599"})
    void codeIsTheFirstThreeDigits(String line, int code) {
        assertThat(ServerReply.line(line).code()).hasValue(code);
    }

    @ParameterizedTest(name = "[{0}] has no code")
    @CsvSource({"hello?", "25", "''", "650 x", "099 x", "2x0 ok"})
    void outputThatDoesNotStartWithACodeHasNone(String line) {
        assertThat(ServerReply.raw(line.getBytes(StandardCharsets.US_ASCII)).code()).isEmpty();
    }

    @Test
    void classIsTheFirstDigit() {
        assertThat(ServerReply.line("252 2.0.0 x").isClass(2)).isTrue();
        assertThat(ServerReply.line("451 4.7.1 x").isClass(2)).isFalse();
        assertThat(ServerReply.line("hello?").isClass(2)).isFalse();
    }
}
