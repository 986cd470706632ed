package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.mailoutcome.testsupport.RawClient;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link SmtpServer#reset()} fences off what began before it: a message whose transaction began earlier is never
 * recorded after the reset, however late it completes (issue 19.2: a held end of data released as one test ended was
 * recorded in the next test). Each test orders the events with a gate and by reading the server's replies, never by
 * timing: the server records a message before it writes the reply to its end of data.
 */
class ResetFenceIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    /** Sends a message whose end of data is held, resets, releases, and returns the reply to the end of data. */
    private static String holdAcrossAReset(SmtpServer server, RawClient client) throws IOException {
        Gate gate = new Gate();
        server.on(Verb.END_OF_DATA).holdUntil(gate);
        client.startMessage("a@example.test", "b@example.test").write("Subject: late\r\n\r\nlate\r\n.\r\n");
        gate.awaitArrival(WAIT);
        server.reset();
        gate.release();
        return client.readReply();
    }

    @Test
    void messageHeldAtEndOfDataAcrossAResetIsNotRecordedAfterIt() throws IOException {
        try (SmtpServer server = SmtpServer.start(); RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(holdAcrossAReset(server, client)).startsWith("250 2.0.0 Ok: queued as");
            assertThat(server.messages()).isEmpty();
            assertThat(server.sessions()).isEmpty();
        }
    }

    @Test
    void awaitMessagesAfterAResetWaitsForANewMessageNotTheHeldOne() throws IOException {
        try (SmtpServer server = SmtpServer.start(); RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(holdAcrossAReset(server, client)).startsWith("250");
            assertThat(client.startMessage("a@example.test", "c@example.test").sendData("fresh")).startsWith("250");
            assertThat(server.awaitMessages(1, WAIT)).singleElement()
                    .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("c@example.test"));
        }
    }

    @Test
    void connectionOpenAcrossAResetRecordsTheTransactionsItBeginsAfterIt() throws IOException {
        try (SmtpServer server = SmtpServer.start(); RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.startMessage("a@example.test", "b@example.test").sendData("before")).startsWith("250");
            server.reset();
            assertThat(server.messages()).isEmpty();
            assertThat(client.send("MAIL FROM:<a@example.test>")).startsWith("250");
            assertThat(client.send("RCPT TO:<c@example.test>")).startsWith("250");
            assertThat(client.send("DATA")).startsWith("354");
            assertThat(client.sendData("after")).startsWith("250");
            assertThat(server.messages()).singleElement()
                    .satisfies(m -> assertThat(m.envelopeRecipients()).containsExactly("c@example.test"));
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void transactionBegunBeforeAResetAndFinishedAfterItIsNotRecorded() throws IOException {
        try (SmtpServer server = SmtpServer.start(); RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("EHLO client.test")).startsWith("250");
            assertThat(client.send("MAIL FROM:<a@example.test>")).startsWith("250");
            server.reset();
            assertThat(client.send("RCPT TO:<b@example.test>")).startsWith("250");
            assertThat(client.send("DATA")).startsWith("354");
            assertThat(client.sendData("straddles the reset")).startsWith("250");
            assertThat(server.messages()).isEmpty();
        }
    }
}
