package org.mailoutcome.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageDataTest {

    private static LineReader reader(String text) {
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String line(LineReader reader) throws IOException {
        return new String(reader.readLine(1000).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void linesKeepTheirTerminators() throws IOException {
        LineReader reader = reader("EHLO a\r\nNOOP\nQUIT");
        assertThat(line(reader)).isEqualTo("EHLO a\r\n");
        assertThat(line(reader)).isEqualTo("NOOP\n");
        assertThat(line(reader)).isEqualTo("QUIT");
        assertThat(reader.readLine(1000)).isEmpty();
    }

    @Test
    void linesLongerThanTheBufferAreJoined() throws IOException {
        String longLine = "x".repeat(20_000) + "\r\n";
        LineReader reader = reader(longLine + "NOOP\r\n");
        assertThat(new String(reader.readLine(30_000).orElseThrow(), StandardCharsets.UTF_8)).isEqualTo(longLine);
        assertThat(line(reader)).isEqualTo("NOOP\r\n");
    }

    @Test
    void lineOverTheLimitIsRefused() {
        LineReader reader = reader("x".repeat(2000) + "\r\n");
        assertThatThrownBy(() -> reader.readLine(1000)).isInstanceOf(LineTooLongException.class);
    }

    @Test
    void dotStuffedLinesLoseTheirFirstDotAndTheDotLineEndsTheData() throws IOException {
        Optional<MessageData> data = read("Subject: x\r\n\r\n..leading dot\r\n.\r\nNOOP\r\n", 1000);
        assertThat(new String(data.orElseThrow().bytes(), StandardCharsets.UTF_8))
                .isEqualTo("Subject: x\r\n\r\n.leading dot\r\n");
        assertThat(data.get().isOversized()).isFalse();
    }

    @Test
    void bareLineFeedsAreKeptAndABareLfDotLineEndsTheData() throws IOException {
        Optional<MessageData> data = read("a\nb\r\n.\n", 1000);
        assertThat(new String(data.orElseThrow().bytes(), StandardCharsets.UTF_8)).isEqualTo("a\nb\r\n");
    }

    @Test
    void dataPastTheLimitIsCountedButNotKept() throws IOException {
        MessageData data = read("0123456789\r\n0123456789\r\n.\r\n", 15).orElseThrow();
        assertThat(data.size()).isEqualTo(24);
        assertThat(data.bytes()).hasSize(15);
        assertThat(data.isOversized()).isTrue();
    }

    @Test
    void connectionEndingBeforeTheDotLineGivesNoData() throws IOException {
        assertThat(read("Subject: x\r\n\r\nbody\r\n", 1000)).isEmpty();
    }

    private static Optional<MessageData> read(String text, long limit) throws IOException {
        return MessageData.read(reader(text), limit);
    }
}
