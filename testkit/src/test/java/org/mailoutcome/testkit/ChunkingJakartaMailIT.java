package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plain Angus Mail against CHUNKING: with {@code mail.smtp.chunksize} set and CHUNKING offered it sends the message
 * with {@code BDAT}, a chunk of that size at a time (each answered before the next), the rest as the last chunk.
 */
class ChunkingJakartaMailIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private SmtpServer server = SmtpServer.builder().chunking(true).start();

    @AfterEach
    void close() {
        server.close();
    }

    private Session session(String chunksize) {
        Properties properties = server.clientProperties();
        if (!chunksize.isEmpty()) {
            properties.setProperty("mail.smtp.chunksize", chunksize);
        }
        return Session.getInstance(properties);
    }

    /** A message whose lines do not start with a dot (see {@link #angusDotStuffsItsChunks()}). */
    private static MimeMessage message(Session session, String text) throws MessagingException {
        MimeMessage message = Mails.message(session, "sender@client.test", "a@example.test");
        message.setText(text);
        message.saveChanges();
        return message;
    }

    private static byte[] bytes(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private List<String> commandsOf(int session) {
        return server.sessions().get(session).commands();
    }

    @Test
    void aChunksizeLargerThanTheMessageSendsItAsOneLastChunk() throws Exception {
        MimeMessage message = message(session("100000"), "One chunk.\r\n");
        Transport.send(message);
        byte[] sent = bytes(message);
        assertThat(commandsOf(0)).containsExactly("EHLO localhost", "MAIL FROM:<sender@client.test>",
                "RCPT TO:<a@example.test>", "BDAT " + sent.length + " LAST", "QUIT");
        assertThat(server.messages()).singleElement().satisfies(m -> {
            assertThat(m.bytes()).isEqualTo(sent);
            assertThat(m.mimeMessage().getContent()).isEqualTo("One chunk.\r\n");
        });
    }

    @Test
    void aSmallChunksizeSendsSeveralChunksEachAnsweredThenTheRestAsTheLast() throws Exception {
        MimeMessage message = message(session("64"), "Several chunks. ".repeat(20) + "\r\n");
        Transport.send(message);
        int size = bytes(message).length;
        List<String> chunks = commandsOf(0).stream().filter(c -> c.startsWith("BDAT")).toList();
        assertThat(chunks).hasSize(size / 64 + 1).last().isEqualTo("BDAT " + size % 64 + " LAST");
        assertThat(chunks.subList(0, chunks.size() - 1)).containsOnly("BDAT 64");
        assertThat(server.sessions().get(0).replies()).filteredOn(r -> r.equals("250 2.0.0 Ok: 64 bytes"))
                .hasSize(size / 64);
        assertThat(server.messages().get(0).bytes()).isEqualTo(bytes(message));
    }

    @Test
    void theSameMimeMessageArrivesAsTheSameBytesByDataAndByBdat() throws Exception {
        MimeMessage message = message(session(""), "Same bytes.\r\nSecond line\r\n\r\nLast line, no dot.\r\n");
        for (String chunksize : List.of("", "100000", "50")) {
            try (Transport transport = session(chunksize).getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        assertThat(commandsOf(0)).contains("DATA").noneMatch(c -> c.startsWith("BDAT"));
        assertThat(commandsOf(1)).doesNotContain("DATA").anyMatch(c -> c.endsWith(" LAST"));
        assertThat(commandsOf(2)).contains("BDAT 50");
        List<ReceivedMessage> messages = server.messages();
        assertThat(messages).hasSize(3);
        assertThat(messages.get(1).bytes()).isEqualTo(messages.get(0).bytes());
        assertThat(messages.get(2).bytes()).isEqualTo(messages.get(0).bytes());
        assertThat(messages.get(0).bytes()).isEqualTo(bytes(message));
    }

    /**
     * Angus 2.0.5 writes chunks through its DATA stream ({@code BDATOutputStream extends SMTPOutputStream}), so a
     * line that starts with a dot gets a second one, which no server removes from a chunk (RFC 3030 has no
     * dot-stuffing): the message arrives changed. A client that relies on Angus's BDAT must not send such lines.
     */
    @Test
    void angusDotStuffsItsChunks() throws Exception {
        MimeMessage message = message(session(""), "first\r\n.leading dot\r\n");
        for (String chunksize : List.of("", "100000")) {
            try (Transport transport = session(chunksize).getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        assertThat(server.messages().get(0).text()).endsWith("\r\nfirst\r\n.leading dot\r\n");
        assertThat(server.messages().get(1).text()).endsWith("\r\nfirst\r\n..leading dot\r\n");
    }

    @Test
    void withoutChunksizeOrWithoutChunkingAngusSendsData() throws Exception {
        Transport.send(message(session(""), "data\r\n"));
        server.close();
        server = SmtpServer.start();
        Transport.send(message(session("100"), "data\r\n"));
        assertThat(commandsOf(0)).contains("DATA").noneMatch(c -> c.startsWith("BDAT"));
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void aRefusedLastChunkFailsTheSendWithTheReplyTextOnly() throws Exception {
        server.on(Verb.BDAT, "* LAST").reply("452 4.3.1 Insufficient system storage");
        MimeMessage message = message(session("100000"), "refused\r\n");
        assertThatThrownBy(() -> Transport.send(message)).isExactlyInstanceOf(MessagingException.class)
                .rootCause().isInstanceOf(IOException.class)
                .hasMessageStartingWith("452 4.3.1 Insufficient system storage");
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void connectionClosedBeforeTheLastChunkReplyIsMaybeDelivered() throws Exception {
        server.on(Verb.BDAT, "* LAST").closeBeforeReply();
        MimeMessage message = message(session("100000"), "lost reply\r\n");
        assertThatThrownBy(() -> Transport.send(message)).isInstanceOf(MessagingException.class);
        ReceivedMessage received = server.awaitMessages(1, WAIT).get(0);
        assertThat(received.maybeDelivered()).isTrue();
        assertThat(received.bytes()).isEqualTo(bytes(message));
    }

    @Test
    void heldReplyToTheLastChunkMakesAngusTimeOutAndTheServerStillDelivers() throws Exception {
        Gate gate = new Gate();
        server.on(Verb.BDAT, "* LAST").holdUntil(gate);
        Properties properties = server.clientProperties();
        properties.setProperty("mail.smtp.chunksize", "100000");
        properties.setProperty("mail.smtp.timeout", "500");
        MimeMessage message = message(Session.getInstance(properties), "held\r\n");
        assertThatThrownBy(() -> Transport.send(message)).hasRootCauseInstanceOf(SocketTimeoutException.class);
        gate.release();
        assertThat(server.awaitMessages(1, WAIT)).hasSize(1);
    }

    @Test
    void repliesSplitAcrossPacketsReachAngusWhole() throws Exception {
        server.close();
        server = SmtpServer.builder().chunking(true).replyPackets(ReplyPackets.FRAGMENTED).start();
        MimeMessage message = message(session("40"), "Fragmented replies, several chunks.\r\n");
        Transport.send(message);
        assertThat(server.messages().get(0).bytes()).isEqualTo(bytes(message));
    }
}
