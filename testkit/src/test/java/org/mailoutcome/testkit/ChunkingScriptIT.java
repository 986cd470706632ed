package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailoutcome.testsupport.RawClient;

/** Rules and faults at BDAT chunks: any reply to a chosen chunk, closes, garbage, held replies, early replies. */
class ChunkingScriptIT extends ChunkingFixture {

    private static final String HEADER = "Subject: scripted\r\n\r\n";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"452 4.3.1 Insufficient system storage", "552 5.3.4 Message size exceeds fixed limit",
        "554 5.7.1 Message rejected as spam"})
    void theLastChunkCanBeRefusedWithAnyReplyAndNothingIsRecorded(String refusal) throws IOException {
        server.on(Verb.BDAT, "* LAST").times(1).reply(refusal);
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk(HEADER, false)).isEqualTo("250 2.0.0 Ok: 21 bytes");
            assertThat(client.sendChunk("body\r\n", true)).isEqualTo(refusal);
            assertThat(client.send("MAIL FROM:<sender@client.test>")).isEqualTo("250 2.1.0 Ok");
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void aChosenChunkIsScriptedByCountingWithTimesAndTheRestIsDiscarded() throws IOException {
        server.on(Verb.BDAT).times(1).proceed();
        server.on(Verb.BDAT).times(1).reply("452 4.3.1 Insufficient system storage");
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk(HEADER, false)).isEqualTo("250 2.0.0 Ok: 21 bytes");
            assertThat(client.sendChunk("two\r\n", false)).isEqualTo("452 4.3.1 Insufficient system storage");
            assertThat(client.sendChunk("three\r\n", true))
                    .isEqualTo("551 5.0.0 Discarded 7 bytes after earlier error");
            client.send("MAIL FROM:<sender@client.test>");
            client.send("RCPT TO:<b@example.test>");
            assertThat(client.sendChunk(HEADER, true)).startsWith("250 2.0.0 Ok: 21 bytes queued as ");
        }
        assertThat(server.messages()).singleElement()
                .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("b@example.test"));
    }

    @Test
    void aRefusedChunkLosesTheMessageWhateverLaterRepliesSay() throws IOException {
        server.on(Verb.BDAT).times(1).reply("451 4.3.0 Try again later");
        server.on(Verb.BDAT, "* LAST").reply("250 2.0.0 Ok: scripted");
        try (RawClient client = inTransaction()) {
            client.sendChunk(HEADER, false);
            assertThat(client.sendChunk("lost\r\n", true)).isEqualTo("250 2.0.0 Ok: scripted");
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void aPatternCanPickTheEmptyLastChunk() throws IOException {
        server.on(Verb.BDAT, "0 LAST").reply("250 2.0.0 Ok: empty last chunk");
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk(HEADER, false)).isEqualTo("250 2.0.0 Ok: 21 bytes");
            assertThat(client.sendChunk("", true)).isEqualTo("250 2.0.0 Ok: empty last chunk");
        }
        assertThat(server.messages()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo(HEADER));
    }

    @Test
    void serviceUnavailableAtTheLastChunkCloses() throws IOException {
        server.on(Verb.BDAT, "* LAST").serviceUnavailable();
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk(HEADER, true)).isEqualTo(Rule.SERVICE_UNAVAILABLE);
            assertThat(client.isClosedByServer()).isTrue();
        }
        server.awaitOpenConnections(0, WAIT);
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void replySplitAcrossPacketsAtTheLastChunkIsReadWhole() throws IOException {
        restart(SmtpServer.builder().chunking(true).replyPackets(ReplyPackets.FRAGMENTED));
        server.on(Verb.BDAT, "* LAST").serviceUnavailable();
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk(HEADER, true)).isEqualTo(Rule.SERVICE_UNAVAILABLE);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"closeBeforeReply", "garbage", "truncated"})
    void noValidReplyToTheLastChunkRecordsTheMessageAsMaybeDelivered(String fault) throws IOException {
        Rule rule = server.on(Verb.BDAT, "* LAST");
        faults().get(fault).accept(rule);
        try (RawClient client = inTransaction()) {
            client.sendChunk(HEADER, false);
            client.writeChunk("last\r\n".getBytes(StandardCharsets.US_ASCII), true);
            ReceivedMessage message = server.awaitMessages(1, WAIT).get(0);
            assertThat(message.maybeDelivered()).isTrue();
            assertThat(message.text()).isEqualTo(HEADER + "last\r\n");
            assertThat(message.envelopeRecipients()).containsExactly("a@example.test");
        }
    }

    private static Map<String, Consumer<Rule>> faults() {
        return Map.of("closeBeforeReply", Rule::closeBeforeReply, "garbage", Rule::garbage,
                "truncated", Rule::truncated);
    }

    @Test
    void closeBeforeTheReplyToAnEarlierChunkRecordsNothing() throws IOException {
        server.on(Verb.BDAT).times(1).closeBeforeReply();
        try (RawClient client = inTransaction()) {
            client.writeChunk(HEADER.getBytes(StandardCharsets.US_ASCII), false);
            assertThat(client.readToEnd()).isEmpty();
        }
        server.awaitOpenConnections(0, WAIT);
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void heldReplyToTheLastChunkComesWhenReleasedAndTheMessageIsThenRecorded() throws IOException {
        Gate gate = new Gate();
        server.on(Verb.BDAT, "* LAST").holdUntil(gate);
        try (RawClient client = inTransaction()) {
            client.writeChunk(HEADER.getBytes(StandardCharsets.US_ASCII), true);
            gate.awaitArrival(WAIT);
            assertThat(server.sessions().get(0).transcript()).contains("C: <chunk, 21 bytes>");
            assertThat(server.messages()).isEmpty();
            client.readTimeout(Duration.ofMillis(300));
            assertThatThrownBy(client::readReply).isInstanceOf(SocketTimeoutException.class);
            gate.release();
            client.readTimeout(WAIT);
            assertThat(client.readReply()).startsWith("250 2.0.0 Ok: 21 bytes queued as ");
        }
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void earlyReplyDuringAChunkAnswersItAndTheChunkIsStillRead() throws IOException {
        server.on(Verb.MESSAGE_DATA, "* LAST").reply("552 5.3.4 Message size exceeds fixed limit");
        try (RawClient client = inTransaction()) {
            client.write("BDAT 21 LAST\r\n");
            assertThat(client.readReply()).isEqualTo("552 5.3.4 Message size exceeds fixed limit");
            client.write(HEADER);
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
            assertThat(client.send("MAIL FROM:<sender@client.test>")).isEqualTo("250 2.1.0 Ok");
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void closeDuringTheLastChunkCutsTheMessage() throws IOException {
        server.on(Verb.MESSAGE_DATA, "* LAST").closeBeforeReply();
        try (RawClient client = inTransaction()) {
            assertThat(client.sendChunk(HEADER, false)).isEqualTo("250 2.0.0 Ok: 21 bytes");
            client.writeChunk("cut\r\n".getBytes(StandardCharsets.US_ASCII), true);
            assertThat(client.readToEnd()).isEmpty();
        }
        server.awaitOpenConnections(0, WAIT);
        assertThat(server.messages()).isEmpty();
        assertThat(server.sessions().get(0).transcript()).contains("C: <chunk, 21 bytes>")
                .doesNotContain("C: <chunk, 5 bytes>");
    }

    @Test
    void holdDuringAChunkStopsReadingUntilReleased() throws IOException {
        Gate gate = new Gate();
        server.on(Verb.MESSAGE_DATA).holdUntil(gate);
        try (RawClient client = inTransaction()) {
            client.writeChunk(HEADER.getBytes(StandardCharsets.US_ASCII), true);
            gate.awaitArrival(WAIT);
            assertThat(server.sessions().get(0).transcript()).noneMatch(line -> line.startsWith("C: <chunk"));
            gate.release();
            assertThat(client.readReply()).startsWith("250 2.0.0 Ok: 21 bytes queued as ");
        }
        assertThat(server.messages()).hasSize(1);
    }

    @Test
    void scriptedAcceptanceOutsideATransactionStillRecordsTheMessage() throws IOException {
        server.on(Verb.BDAT).reply("250 2.0.0 Ok: taken anyway");
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            assertThat(client.sendChunk(HEADER, true)).isEqualTo("250 2.0.0 Ok: taken anyway");
        }
        assertThat(server.messages()).singleElement().satisfies(m -> {
            assertThat(m.envelopeFrom()).isEmpty();
            assertThat(m.envelopeRecipients()).isEmpty();
            assertThat(m.text()).isEqualTo(HEADER);
        });
    }

    @Test
    void aMalformedBdatCanBeAnsweredByARuleAndNoChunkIsRead() throws IOException {
        server.on(Verb.BDAT, "x*").reply("501 5.5.4 Syntax: BDAT count [LAST]");
        try (RawClient client = inTransaction()) {
            assertThat(client.send("BDAT x LAST")).isEqualTo("501 5.5.4 Syntax: BDAT count [LAST]");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
    }
}
