package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.mailoutcome.testsupport.RawClient;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults and delays: closing, garbage, truncated, long and raw output, gates; driven by a raw socket client. */
class ScriptedFaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final SmtpServer server = SmtpServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private RawClient inTransaction() throws IOException {
        RawClient client = RawClient.greeted(server.host(), server.port());
        client.send("EHLO client.test");
        client.send("MAIL FROM:<sender@client.test>");
        return client;
    }

    @Test
    void serviceUnavailableWrites421ThenCloses() throws IOException {
        server.on(Verb.MAIL).serviceUnavailable();
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            assertThat(client.send("MAIL FROM:<a@client.test>"))
                    .isEqualTo("421 4.3.2 Service not available, closing transmission channel");
            assertThat(client.isClosedByServer()).isTrue();
        }
        server.awaitOpenConnections(0, WAIT);
    }

    @Test
    void replyThenCloseWritesThenCloses() throws IOException {
        server.on(Verb.CONNECT).replyThenClose("554 5.3.2 No SMTP service here");
        try (RawClient client = RawClient.connect(server.host(), server.port())) {
            assertThat(client.readReply()).isEqualTo("554 5.3.2 No SMTP service here");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void closeBeforeReplyClosesWithoutWriting() throws IOException {
        server.on(Verb.RCPT).closeBeforeReply();
        try (RawClient client = inTransaction()) {
            client.write("RCPT TO:<a@example.test>\r\n");
            assertThat(client.readToEnd()).isEmpty();
        }
    }

    @Test
    void closeAfterEndOfDataRecordsTheMessageAsMaybeDelivered() throws IOException {
        server.on(Verb.END_OF_DATA).closeBeforeReply();
        try (RawClient client = inTransaction()) {
            client.send("RCPT TO:<a@example.test>");
            client.send("DATA");
            client.write("Subject: lost reply\r\n.\r\n");
            assertThat(client.readToEnd()).isEmpty();
        }
        ReceivedMessage message = server.awaitMessages(1, WAIT).get(0);
        assertThat(message.maybeDelivered()).isTrue();
        assertThat(message.envelopeRecipients()).containsExactly("a@example.test");
        assertThat(message.text()).isEqualTo("Subject: lost reply\r\n");
    }

    @Test
    void garbageWritesANonSmtpLineAndKeepsTheConnection() throws IOException {
        server.on(Verb.RCPT).times(1).garbage();
        try (RawClient client = inTransaction()) {
            assertThat(client.send("RCPT TO:<a@example.test>")).isEqualTo("hello?");
            assertThat(client.send("DATA")).isEqualTo("554 5.5.1 Error: no valid recipients");
        }
    }

    @Test
    void garbageAfterEndOfDataRecordsTheMessageAsMaybeDelivered() throws IOException {
        server.on(Verb.END_OF_DATA).garbage();
        try (RawClient client = inTransaction()) {
            client.send("RCPT TO:<a@example.test>");
            client.send("DATA");
            assertThat(client.sendData("Subject: x")).isEqualTo("hello?");
        }
        assertThat(server.messages().get(0).maybeDelivered()).isTrue();
    }

    @Test
    void truncatedWritesAPartialCodeThenCloses() throws IOException {
        server.on(Verb.MAIL).truncated();
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            client.write("MAIL FROM:<a@client.test>\r\n");
            assertThat(client.readToEnd()).isEqualTo("25".getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void longReplyIsOneLineOfTheGivenLengthAndRecordedAbbreviated() throws IOException {
        server.on(Verb.NOOP).times(1).longReply(5_000_000);
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            String reply = client.send("NOOP");
            assertThat(reply).hasSize(5_000_000).startsWith("250 xxx");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(server.sessions().get(0).replies().get(1)).endsWith("...[5000000 characters]");
    }

    @Test
    void rawBytesAreWrittenExactly() throws IOException {
        server.on(Verb.RCPT, "bare@*").raw("250 2.1.5 bare LF\n".getBytes(StandardCharsets.US_ASCII));
        server.on(Verb.NOOP).raw(new byte[] {'2', '5', '0', ' ', 0, 'x', '\r', '\n'});
        try (RawClient client = inTransaction()) {
            client.write("RCPT TO:<bare@example.test>\r\n");
            assertThat(client.readLineBytes()).isEqualTo("250 2.1.5 bare LF\n".getBytes(StandardCharsets.US_ASCII));
            client.write("NOOP\r\n");
            assertThat(client.readLineBytes()).isEqualTo(new byte[] {'2', '5', '0', ' ', 0, 'x', '\r', '\n'});
            assertThat(client.send("DATA")).startsWith("354");
        }
    }

    @Test
    void heldReplyIsSentOnlyWhenTheGateIsReleased() throws IOException {
        Gate gate = new Gate();
        server.on(Verb.NOOP).holdUntil(gate);
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.write("NOOP\r\n");
            gate.awaitArrival(WAIT);
            client.readTimeout(Duration.ofMillis(300));
            assertThatThrownBy(client::readReply).isInstanceOf(SocketTimeoutException.class);
            gate.release();
            client.readTimeout(WAIT);
            assertThat(client.readReply()).isEqualTo("250 2.0.0 Ok");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
    }

    @Test
    void afterDelaysAScriptedAction() throws IOException {
        Gate gate = new Gate();
        server.on(Verb.RCPT).after(gate).reply("451 4.4.3 Slow lookup failed");
        try (RawClient client = inTransaction()) {
            client.write("RCPT TO:<a@example.test>\r\n");
            gate.awaitArrival(WAIT);
            gate.release();
            assertThat(client.readReply()).isEqualTo("451 4.4.3 Slow lookup failed");
        }
    }

    @Test
    void earlyReplyDuringMessageDataAnswersTheMessageAndNoOtherReplyFollows() throws IOException {
        server.on(Verb.MESSAGE_DATA).times(1).reply("552 5.3.4 Message size exceeds fixed limit");
        try (RawClient client = inTransaction()) {
            client.send("RCPT TO:<a@example.test>");
            assertThat(client.send("DATA")).startsWith("354");
            assertThat(client.readReply()).isEqualTo("552 5.3.4 Message size exceeds fixed limit");
            client.write("Subject: early\r\n.\r\n");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void earlyPositiveOrGarbageReplyDuringMessageDataRecordsTheMessageOnceTheDataEnds() throws IOException {
        server.on(Verb.MESSAGE_DATA).times(1).garbage();
        server.on(Verb.MESSAGE_DATA).times(1).reply("250 2.0.0 Ok: early");
        try (RawClient client = inTransaction()) {
            client.send("RCPT TO:<a@example.test>");
            assertThat(client.send("DATA")).startsWith("354");
            assertThat(client.sendData("Subject: first")).isEqualTo("hello?");
            client.send("MAIL FROM:<sender@client.test>");
            client.send("RCPT TO:<b@example.test>");
            assertThat(client.send("DATA")).startsWith("354");
            assertThat(client.sendData("Subject: second")).isEqualTo("250 2.0.0 Ok: early");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(server.messages()).extracting(ReceivedMessage::maybeDelivered).containsExactly(true, false);
        assertThat(server.messages()).extracting(m -> m.envelopeRecipients().get(0))
                .containsExactly("a@example.test", "b@example.test");
    }

    @Test
    void closeDuringMessageDataRecordsNothing() throws IOException {
        server.on(Verb.MESSAGE_DATA).closeBeforeReply();
        try (RawClient client = inTransaction()) {
            client.send("RCPT TO:<a@example.test>");
            assertThat(client.send("DATA")).startsWith("354");
            client.write("Subject: cut\r\n.\r\n");
            assertThat(client.readToEnd()).isEmpty();
        }
        server.awaitOpenConnections(0, WAIT);
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void heldDuringMessageDataStopsReadingUntilReleasedThenAnswersByDefault() throws IOException {
        Gate gate = new Gate();
        server.on(Verb.MESSAGE_DATA).holdUntil(gate);
        try (RawClient client = inTransaction()) {
            client.send("RCPT TO:<a@example.test>");
            assertThat(client.send("DATA")).startsWith("354");
            gate.awaitArrival(WAIT);
            client.write("Subject: held\r\n.\r\n");
            client.readTimeout(Duration.ofMillis(300));
            assertThatThrownBy(client::readReply).isInstanceOf(SocketTimeoutException.class);
            gate.release();
            client.readTimeout(WAIT);
            assertThat(client.readReply()).startsWith("250 2.0.0 Ok: queued as ");
        }
        assertThat(server.messages()).hasSize(1);
    }
}
