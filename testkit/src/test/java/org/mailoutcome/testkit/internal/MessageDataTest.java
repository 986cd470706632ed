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
    void octetsAfterALineComeFromTheSameBufferWithoutLineStructure() throws IOException {
        LineReader reader = reader("BDAT 8\r\nab\r\n.\r\ncNOOP\r\n");
        assertThat(line(reader)).isEqualTo("BDAT 8\r\n");
        byte[] chunk = new byte[8];
        int read = 0;
        while (read < chunk.length) {
            read += reader.read(chunk, read, chunk.length - read);
        }
        assertThat(new String(chunk, StandardCharsets.UTF_8)).isEqualTo("ab\r\n.\r\nc");
        assertThat(line(reader)).isEqualTo("NOOP\r\n");
        assertThat(reader.read(chunk, 0, 1)).isEqualTo(-1);
    }

    @Test
    void aReadNeverReturnsMoreThanAsked() throws IOException {
        LineReader reader = reader("abcdef");
        byte[] into = new byte[10];
        assertThat(reader.read(into, 2, 4)).isEqualTo(4);
        assertThat(new String(into, 2, 4, StandardCharsets.UTF_8)).isEqualTo("abcd");
        assertThat(reader.read(into, 0, 10)).isEqualTo(2);
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
