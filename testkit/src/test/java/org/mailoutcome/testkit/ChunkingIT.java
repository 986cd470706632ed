package org.mailoutcome.testkit;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mailoutcome.testsupport.RawClient.bdat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailoutcome.testsupport.RawClient;

/**
 * CHUNKING without rules, driven by a raw socket client: what the server records of chunked messages. The replies
 * themselves are checked against Postfix's in {@link PostfixBdatTranscriptIT}.
 */
class ChunkingIT extends ChunkingFixture {

    private static final String HEADER = "Subject: chunked\r\n\r\n";

    private static byte[] ascii(String text) {
        return text.getBytes(US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void ehloAdvertisesChunkingLastOnlyWhenEnabled() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("EHLO client.test")).isEqualTo("250-testkit.local\n250-PIPELINING\n"
                    + "250-SIZE 10240000\n250-ENHANCEDSTATUSCODES\n250-8BITMIME\n250 CHUNKING");
        }
        restart(SmtpServer.builder());
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("EHLO client.test")).doesNotContain("CHUNKING");
        }
    }

    @Test
    void oneLastChunkIsOneMessageRecordedBeforeItsReply() throws Exception {
        String content = HEADER + "hello\r\n";
        try (RawClient client = inTransaction()) {
            String reply = client.sendChunk(content, true);
            assertThat(reply).matches("250 2\\.0\\.0 Ok: 27 bytes queued as [0-9A-F]{11}");
            ReceivedMessage message = server.messages().get(0);
            assertThat(reply).endsWith(message.id());
            assertThat(message.text()).isEqualTo(content);
            assertThat(message.envelopeFrom()).isEqualTo("sender@client.test");
            assertThat(message.envelopeRecipients()).containsExactly("a@example.test");
            assertThat(message.maybeDelivered()).isFalse();
            assertThat(message.mimeMessage().getSubject()).isEqualTo("chunked");
        }
        SmtpSession session = server.sessions().get(0);
        assertThat(session.commands()).endsWith("BDAT 27 LAST");
        assertThat(session.transcript()).containsSequence("C: BDAT 27 LAST", "C: <chunk, 27 bytes>",
                "S: " + session.replies().get(session.replies().size() - 1));
    }

    @Test
    void chunksAreJoinedInOrderAndAnEmptyLastChunkEndsTheMessage() throws IOException {
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk(HEADER, false)).isEqualTo("250 2.0.0 Ok: 20 bytes");
            assertThat(client.sendChunk("first\r\n", false)).isEqualTo("250 2.0.0 Ok: 7 bytes");
            assertThat(client.sendChunk("second\r\n", false)).isEqualTo("250 2.0.0 Ok: 8 bytes");
            assertThat(client.sendChunk("", true)).startsWith("250 2.0.0 Ok: 35 bytes queued as ");
        }
        assertThat(server.messages()).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo(HEADER + "first\r\nsecond\r\n"));
        assertThat(server.sessions().get(0).transcript()).contains("C: BDAT 0 LAST", "C: <chunk, 0 bytes>");
    }

    @Test
    void octetsAreTakenAsTheyAreWithoutDotsLinesOrLengthLimits() throws IOException {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        byte[] content = concat(ascii(HEADER + ".\r\n..x\r\nQUIT\r\n\r\n.\r\nbare\nlf\rcr"), binary,
                ascii("y".repeat(200_000)));
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk(content, true)).startsWith("250 2.0.0 Ok: " + content.length + " bytes");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(server.messages().get(0).bytes()).isEqualTo(content);
    }

    @Test
    void commandsAndChunksInOneWriteAreAnsweredInOrderAsOneFlight() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            client.write(concat(
                    ascii("MAIL FROM:<s@client.test>\r\nRCPT TO:<a@example.test>\r\nRCPT TO:<b@example.test>\r\n"),
                    bdat(ascii(HEADER), false), bdat(ascii("one\r\n"), true),
                    ascii("MAIL FROM:<s@client.test>\r\nRCPT TO:<c@example.test>\r\n"),
                    bdat(ascii(HEADER + "two\r\n"), true), ascii("NOOP\r\n")));
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                replies.add(client.readReply());
            }
            assertThat(replies.subList(0, 4)).containsExactly("250 2.1.0 Ok", "250 2.1.5 Ok", "250 2.1.5 Ok",
                    "250 2.0.0 Ok: 20 bytes");
            assertThat(replies.get(4)).startsWith("250 2.0.0 Ok: 25 bytes queued as ");
            assertThat(replies.subList(5, 7)).containsExactly("250 2.1.0 Ok", "250 2.1.5 Ok");
            assertThat(replies.get(7)).startsWith("250 2.0.0 Ok: 25 bytes queued as ");
            assertThat(replies.get(8)).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(server.messages()).extracting(ReceivedMessage::envelopeRecipients, ReceivedMessage::text)
                .containsExactly(tuple(List.of("a@example.test", "b@example.test"), HEADER + "one\r\n"),
                        tuple(List.of("c@example.test"), HEADER + "two\r\n"));
        assertThat(server.sessions().get(0).flights()).containsExactly(List.of("EHLO client.test"),
                List.of("MAIL FROM:<s@client.test>", "RCPT TO:<a@example.test>", "RCPT TO:<b@example.test>",
                        "BDAT 20", "BDAT 5 LAST", "MAIL FROM:<s@client.test>", "RCPT TO:<c@example.test>",
                        "BDAT 25 LAST", "NOOP"));
    }

    @Test
    void heldRepliesAreWrittenWhenTheServerMustWaitForTheRestOfAChunk() throws IOException {
        restart(SmtpServer.builder().chunking(true).pipelining(true).replyPackets(ReplyPackets.COALESCED));
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            client.write("MAIL FROM:<s@client.test>\r\nRCPT TO:<a@example.test>\r\nBDAT 12 LAST\r\nSubje");
            assertThat(client.readReply()).isEqualTo("250 2.1.0 Ok");
            assertThat(client.readReply()).isEqualTo("250 2.1.5 Ok");
            client.write("ct:\r\n\r\n");
            assertThat(client.readReply()).startsWith("250 2.0.0 Ok: 12 bytes queued as ");
        }
        assertThat(server.messages().get(0).text()).isEqualTo("Subject:\r\n\r\n");
    }

    @Test
    void fragmentedRepliesToChunksAreStillWholeReplies() throws IOException {
        restart(SmtpServer.builder().chunking(true).replyPackets(ReplyPackets.FRAGMENTED));
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk(HEADER, false)).isEqualTo("250 2.0.0 Ok: 20 bytes");
            assertThat(client.sendChunk("x\r\n", true)).startsWith("250 2.0.0 Ok: 23 bytes queued as ");
        }
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void theSameContentArrivesAsTheSameBytesByDataAndByBdat() throws IOException {
        String content = HEADER + "line\r\n.dot\r\n\r\nend\r\n";
        try (RawClient client = inTransaction()) {
            client.sendChunk(content, true);
            client.send("MAIL FROM:<sender@client.test>");
            client.send("RCPT TO:<a@example.test>");
            client.send("DATA");
            String stuffed = content.replace("\r\n.dot", "\r\n..dot");
            client.sendData(stuffed.substring(0, stuffed.length() - 2));
        }
        List<ReceivedMessage> messages = server.messages();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(1).bytes()).isEqualTo(messages.get(0).bytes());
        assertThat(messages.get(1).envelopeRecipients()).isEqualTo(messages.get(0).envelopeRecipients());
    }

    @Test
    void nothingIsRecordedWhenEveryRecipientWasRejected() throws IOException {
        server.on(Verb.RCPT).reply("550 5.1.1 <a@example.test>: Recipient address rejected: User unknown");
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            client.write(concat(ascii("MAIL FROM:<s@client.test>\r\nRCPT TO:<a@example.test>\r\n"),
                    bdat(ascii(HEADER), true)));
            assertThat(List.of(client.readReply(), client.readReply(), client.readReply())).containsExactly(
                    "250 2.1.0 Ok", "550 5.1.1 <a@example.test>: Recipient address rejected: User unknown",
                    "554 5.5.1 Error: no valid recipients");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void rsetBetweenChunksDiscardsThePartialMessage() throws IOException {
        try (RawClient client = inTransaction()) {
            client.sendChunk("Subject: dropped\r\n", false);
            client.send("RSET");
            client.send("MAIL FROM:<sender@client.test>");
            client.send("RCPT TO:<b@example.test>");
            assertThat(client.sendChunk(HEADER, true)).startsWith("250 2.0.0 Ok: 20 bytes queued as ");
        }
        assertThat(server.messages()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(HEADER);
            assertThat(m.envelopeRecipients()).containsExactly("b@example.test");
        });
    }

    @Test
    void aChunkOverTheSizeLimitIsReadAndRefusedAndNothingIsRecorded() throws IOException {
        restart(SmtpServer.builder().chunking(true).maxMessageSize(100));
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk("x".repeat(60), false)).isEqualTo("250 2.0.0 Ok: 60 bytes");
            assertThat(client.sendChunk("x".repeat(41), false)).isEqualTo("552 5.3.4 Chunk exceeds message size limit");
            assertThat(client.sendChunk("y".repeat(5000), true))
                    .isEqualTo("551 5.0.0 Discarded 5000 bytes after earlier error");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
            assertThat(client.send("MAIL FROM:<sender@client.test>")).isEqualTo("250 2.1.0 Ok");
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void clientClosingInTheMiddleOfAChunkLeavesNoMessage() throws IOException {
        try (RawClient client = inTransaction()) {
            client.write("BDAT 100 LAST\r\nSubject: cut\r\n");
        }
        server.awaitOpenConnections(0, WAIT);
        assertThat(server.messages()).isEmpty();
        assertThat(server.sessions().get(0).transcript()).endsWith("-- closed by client during a chunk");
    }

    @Test
    void withoutChunkingBdatIsRefusedWith521AndTheConnectionClosed() throws IOException {
        restart(SmtpServer.builder());
        try (RawClient client = inTransaction()) {
            client.writeChunk(ascii("Subject: x\r\n"), true);
            assertThat(client.readReply()).isEqualTo("521 5.5.1 Error: command not implemented");
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(server.messages()).isEmpty();
    }
}
