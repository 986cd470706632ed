package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What goes after {@code BDAT <size>}: the message with CRLF line ends and a final CRLF, dots as they are (no
 * stuffing: BDAT counts bytes), in chunks of at most the chunk size.
 */
class BdatContentTest {
    private final List<String> chunks = new ArrayList<>();

    private String write(BdatContent content, String text) throws IOException {
        OutputStream out = content.start((b, n) -> chunks.add(new String(b, 0, n, StandardCharsets.ISO_8859_1)));
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        content.end();
        return new String(content.bytes(), 0, content.size(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLineThatStartsWithADotKeepsOneDot() throws IOException {
        assertThat(write(new BdatContent(BdatContent.CHUNK), ".\r\n..two\r\n.")).isEqualTo(".\r\n..two\r\n.\r\n");
    }

    @Test
    void bareLineFeedsAndCarriageReturnsBecomeCrlfAndAFinalLineEndIsAdded() throws IOException {
        assertThat(write(new BdatContent(BdatContent.CHUNK), "a\nb\rc\r\nd")).isEqualTo("a\r\nb\r\nc\r\nd\r\n");
    }

    @Test
    void contentEndingWithCrlfGetsNoSecondOne() throws IOException {
        assertThat(write(new BdatContent(BdatContent.CHUNK), "a\r\n")).isEqualTo("a\r\n");
    }

    @Test
    void eightBitBytesPassUnchanged() throws IOException {
        assertThat(write(new BdatContent(BdatContent.CHUNK), "caf\u00e9\r\n")).isEqualTo("caf\u00e9\r\n");
    }

    @Test
    void fullChunksAreHandedOnAndTheLastChunkIsWhatIsLeft() throws IOException {
        String last = write(new BdatContent(4), "abcdefghij");
        assertThat(chunks).containsExactly("abcd", "efgh");
        assertThat(last).isEqualTo("ij\r\n");
    }

    @Test
    void aMessageOfExactlyOneChunkIsOneLastChunk() throws IOException {
        String last = write(new BdatContent(5), "abc");
        assertThat(chunks).isEmpty();
        assertThat(last).isEqualTo("abc\r\n");
    }

    @Test
    void theBufferIsReusedForTheNextMessageFromItsStart() throws IOException {
        BdatContent content = new BdatContent(BdatContent.CHUNK);
        write(content, "first line ends without CR");
        content.clear();
        assertThat(write(content, "\nsecond")).as("a fresh line state: the LF is a line end").isEqualTo("\r\nsecond\r\n");
    }

    @Test
    void mimeMessageWriteToWritesTheSameBytesAsToAPlainCrlfStream() throws Exception {
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(new java.util.Properties());
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
        message.setFrom("a@example.test");
        message.setSubject("dots");
        message.setText("line\n.starts with a dot\n");
        message.saveChanges();
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        message.writeTo(new org.eclipse.angus.mail.util.CRLFOutputStream(reference));
        BdatContent content = new BdatContent(BdatContent.CHUNK);
        message.writeTo(content.start((b, n) -> { }));
        content.end();
        assertThat(new String(content.bytes(), 0, content.size(), StandardCharsets.ISO_8859_1))
                .isEqualTo(reference.toString(StandardCharsets.ISO_8859_1)).contains("\r\n.starts with a dot\r\n");
    }
}
