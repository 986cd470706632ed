package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.mailoutcome.testsupport.RawClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server without rules, driven by a raw socket client: an ordinary accepting server in Postfix's phrasing. */
class DefaultDialogueIT {

    private SmtpServer server = SmtpServer.start();

    @AfterEach
    void close() {
        server.close();
    }

    private SmtpServer restart(SmtpServer.Builder builder) {
        server.close();
        server = builder.start();
        return server;
    }

    @Test
    void greetingNamesTheHostname() throws IOException {
        try (RawClient client = RawClient.connect(server.host(), server.port())) {
            assertThat(client.readReply()).isEqualTo("220 testkit.local ESMTP mail-outcome testkit");
        }
        SmtpServer renamed = restart(SmtpServer.builder().hostname("mx.lab.test"));
        try (RawClient client = RawClient.connect(renamed.host(), renamed.port())) {
            assertThat(client.readReply()).isEqualTo("220 mx.lab.test ESMTP mail-outcome testkit");
        }
    }

    @Test
    void ehloAdvertisesSizeEnhancedStatusCodesAnd8bitmimeOnly() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("EHLO client.test")).isEqualTo(
                    "250-testkit.local\n250-SIZE 10240000\n250-ENHANCEDSTATUSCODES\n250 8BITMIME");
        }
    }

    @Test
    void ehloAdvertisesPipeliningAndAuthWhenEnabled() throws IOException {
        restart(SmtpServer.builder().pipelining(true).maxMessageSize(1000).auth("u", "p"));
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("EHLO client.test")).isEqualTo("250-testkit.local\n250-PIPELINING\n"
                    + "250-SIZE 1000\n250-AUTH PLAIN LOGIN\n250-ENHANCEDSTATUSCODES\n250 8BITMIME");
        }
    }

    @Test
    void heloIsAnsweredWithTheHostnameAndGreetingsNeedAnArgument() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("HELO client.test")).isEqualTo("250 testkit.local");
            assertThat(client.send("HELO")).isEqualTo("501 5.5.4 Syntax: HELO hostname");
            assertThat(client.send("EHLO")).isEqualTo("501 5.5.4 Syntax: EHLO hostname");
        }
    }

    @Test
    void acceptedMessageIsRecordedWithItsEnvelopeAndDotUnstuffedData() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("EHLO client.test")).startsWith("250-");
            assertThat(client.send("MAIL FROM:<sender@client.test>")).isEqualTo("250 2.1.0 Ok");
            assertThat(client.send("RCPT TO:<alice@lab.test>")).isEqualTo("250 2.1.5 Ok");
            assertThat(client.send("RCPT TO:<bob@lab.test> NOTIFY=NEVER")).isEqualTo("250 2.1.5 Ok");
            assertThat(client.send("DATA")).isEqualTo("354 End data with <CR><LF>.<CR><LF>");
            String reply = client.sendData("Subject: hi\r\n\r\n..dot\r\n...two\r\nend");
            assertThat(reply).matches("250 2\\.0\\.0 Ok: queued as [0-9A-F]{11}");
        }
        ReceivedMessage message = server.messages().get(0);
        assertThat(message.envelopeFrom()).isEqualTo("sender@client.test");
        assertThat(message.envelopeRecipients()).containsExactly("alice@lab.test", "bob@lab.test");
        assertThat(message.text()).isEqualTo("Subject: hi\r\n\r\n.dot\r\n..two\r\nend\r\n");
        assertThat(message.maybeDelivered()).isFalse();
    }

    @Test
    void everyMessageGetsItsOwnQueueIdInTheReply() throws IOException {
        String first;
        String second;
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            first = client.startMessage("a@client.test", "b@lab.test").sendData("Subject: 1\r\n\r\none");
            assertThat(client.send("MAIL FROM:<a@client.test>")).startsWith("250");
            assertThat(client.send("RCPT TO:<c@lab.test>")).startsWith("250");
            assertThat(client.send("DATA")).startsWith("354");
            second = client.sendData("Subject: 2\r\n\r\ntwo");
        }
        List<ReceivedMessage> messages = server.messages();
        assertThat(first).isEqualTo("250 2.0.0 Ok: queued as " + messages.get(0).id());
        assertThat(second).isEqualTo("250 2.0.0 Ok: queued as " + messages.get(1).id());
        assertThat(messages.get(0).id()).isNotEqualTo(messages.get(1).id());
        assertThat(messages.get(1).envelopeRecipients()).containsExactly("c@lab.test");
    }

    @Test
    void nullReversePathIsRecordedAsEmpty() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.startMessage("", "postmaster@lab.test").sendData("Subject: bounce");
        }
        assertThat(server.messages().get(0).envelopeFrom()).isEmpty();
    }

    @Test
    void otherCommandsUsePostfixPhrasing() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("RSET")).isEqualTo("250 2.0.0 Ok");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
            assertThat(client.send("VRFY alice@lab.test")).isEqualTo("252 2.0.0 alice@lab.test");
            assertThat(client.send("VRFY <alice@lab.test>")).isEqualTo("252 2.0.0 <alice@lab.test>");
            assertThat(client.send("VRFY")).isEqualTo("501 5.5.4 Syntax: VRFY address");
            assertThat(client.send("EXPN staff")).isEqualTo("502 5.5.2 Error: command not recognized");
            assertThat(client.send("FOO")).isEqualTo("502 5.5.2 Error: command not recognized");
            assertThat(client.send("STARTTLS")).isEqualTo("502 5.5.2 Error: command not recognized");
            assertThat(client.send("AUTH PLAIN")).isEqualTo("503 5.5.1 Error: authentication not enabled");
            assertThat(client.send("QUIT")).isEqualTo("221 2.0.0 Bye");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void commandsOutOfSequenceAreRefused() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("MAIL FROM:<a@client.test>")).isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
            assertThat(client.send("EHLO client.test")).startsWith("250");
            assertThat(client.send("RCPT TO:<b@lab.test>")).isEqualTo("503 5.5.1 Error: need MAIL command");
            assertThat(client.send("DATA")).isEqualTo("503 5.5.1 Error: need RCPT command");
            assertThat(client.send("MAIL FROM:<a@client.test>")).startsWith("250");
            assertThat(client.send("MAIL FROM:<a@client.test>")).isEqualTo("503 5.5.1 Error: nested MAIL command");
            assertThat(client.send("DATA")).isEqualTo("503 5.5.1 Error: need RCPT command");
        }
    }

    @Test
    void malformedPathsAreSyntaxErrors() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            assertThat(client.send("MAIL alice")).isEqualTo("501 5.5.4 Syntax: MAIL FROM:<address>");
            assertThat(client.send("MAIL FROM:<a@client.test>")).startsWith("250");
            assertThat(client.send("RCPT TO:")).isEqualTo("501 5.5.4 Syntax: RCPT TO:<address>");
        }
    }

    @Test
    void dataWithEveryRecipientRejectedHasNoValidRecipients() throws IOException {
        server.on(Verb.RCPT).reply("550 5.1.1 <nosuch@lab.test>: Recipient address rejected: User unknown");
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            client.send("MAIL FROM:<a@client.test>");
            assertThat(client.send("RCPT TO:<nosuch@lab.test>")).startsWith("550");
            assertThat(client.send("DATA")).isEqualTo("554 5.5.1 Error: no valid recipients");
        }
    }

    @Test
    void rsetEhloAndEndOfDataEachEndTheTransaction() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            client.send("MAIL FROM:<a@client.test>");
            assertThat(client.send("RSET")).isEqualTo("250 2.0.0 Ok");
            assertThat(client.send("RCPT TO:<b@lab.test>")).startsWith("503");
            client.send("MAIL FROM:<a@client.test>");
            client.send("EHLO client.test");
            assertThat(client.send("RCPT TO:<b@lab.test>")).startsWith("503");
            client.startMessage("a@client.test", "b@lab.test").sendData("Subject: x");
            assertThat(client.send("RCPT TO:<b@lab.test>")).startsWith("503");
        }
    }

    @Test
    void declaredSizeOverTheLimitIsRefusedAtMail() throws IOException {
        restart(SmtpServer.builder().maxMessageSize(1000));
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            assertThat(client.send("MAIL FROM:<a@client.test> SIZE=1001"))
                    .isEqualTo("552 5.3.4 Message size exceeds fixed limit");
            assertThat(client.send("MAIL FROM:<a@client.test> SIZE=1000")).isEqualTo("250 2.1.0 Ok");
        }
    }

    @Test
    void dataOverTheLimitIsRefusedAtEndOfDataAndNotRecorded() throws IOException {
        restart(SmtpServer.builder().maxMessageSize(1000));
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.startMessage("a@client.test", "b@lab.test");
            assertThat(client.sendData("Subject: big\r\n\r\n" + "x".repeat(2000)))
                    .isEqualTo("552 5.3.4 Message size exceeds fixed limit");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void recipientsOverTheLimitGet452AndAreNotRecorded() throws IOException {
        restart(SmtpServer.builder().maxRecipients(2));
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            client.send("MAIL FROM:<a@client.test>");
            assertThat(client.send("RCPT TO:<1@lab.test>")).isEqualTo("250 2.1.5 Ok");
            assertThat(client.send("RCPT TO:<2@lab.test>")).isEqualTo("250 2.1.5 Ok");
            assertThat(client.send("RCPT TO:<3@lab.test>")).isEqualTo("452 4.5.3 Error: too many recipients");
            assertThat(client.send("DATA")).startsWith("354");
            client.sendData("Subject: x");
        }
        assertThat(server.messages().get(0).envelopeRecipients()).containsExactly("1@lab.test", "2@lab.test");
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws IOException {
        restart(SmtpServer.builder().pipelining(true));
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            client.write("MAIL FROM:<a@client.test>\r\nRCPT TO:<b@lab.test>\r\nRCPT TO:<c@lab.test>\r\nDATA\r\n");
            assertThat(List.of(client.readReply(), client.readReply(), client.readReply(), client.readReply()))
                    .containsExactly("250 2.1.0 Ok", "250 2.1.5 Ok", "250 2.1.5 Ok",
                            "354 End data with <CR><LF>.<CR><LF>");
            assertThat(client.sendData("Subject: x")).startsWith("250 2.0.0 Ok: queued as ");
        }
    }

    @Test
    void bareLineFeedsAreAcceptedInCommandsAndData() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.write("EHLO client.test\n");
            assertThat(client.readReply()).startsWith("250-");
            client.write("MAIL FROM:<a@client.test>\nRCPT TO:<b@lab.test>\nDATA\n");
            assertThat(client.readReply() + client.readReply() + client.readReply()).endsWith("<CR><LF>");
            client.write("Subject: x\n\nbody\n.\n");
            assertThat(client.readReply()).startsWith("250 2.0.0");
        }
        assertThat(server.messages().get(0).bytes()).isEqualTo("Subject: x\n\nbody\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void idleClientIsDisconnectedAfterTheReadTimeout() throws IOException {
        restart(SmtpServer.builder().readTimeout(Duration.ofMillis(200)));
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.readReply()).isEqualTo("421 4.4.2 testkit.local Error: timeout exceeded");
            assertThat(client.isClosedByServer()).isTrue();
        }
        server.awaitOpenConnections(0, Duration.ofSeconds(5));
    }

    @Test
    void overlongCommandLineIsRefusedAndTheConnectionClosed() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.write("NOOP " + "x".repeat(70_000) + "\r\n");
            assertThat(client.readReply()).isEqualTo("500 5.5.0 Error: line too long");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void sessionRecordsCommandsRepliesAndTranscriptInOrder() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.startMessage("a@client.test", "b@lab.test").sendData("Subject: x");
            client.send("QUIT");
        }
        server.awaitOpenConnections(0, Duration.ofSeconds(5));
        SmtpSession session = server.sessions().get(0);
        String id = server.messages().get(0).id();
        assertThat(session.commands()).containsExactly(
                "EHLO client.test", "MAIL FROM:<a@client.test>", "RCPT TO:<b@lab.test>", "DATA", "QUIT");
        assertThat(session.replies()).containsExactly("220 testkit.local ESMTP mail-outcome testkit",
                "250-testkit.local\n250-SIZE 10240000\n250-ENHANCEDSTATUSCODES\n250 8BITMIME", "250 2.1.0 Ok",
                "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>", "250 2.0.0 Ok: queued as " + id,
                "221 2.0.0 Bye");
        assertThat(session.transcript()).containsSubsequence("C: DATA", "S: 354 End data with <CR><LF>.<CR><LF>",
                "C: <message data, 12 bytes>", "C: .", "S: 250 2.0.0 Ok: queued as " + id, "C: QUIT",
                "S: 221 2.0.0 Bye", "-- closed by server");
        assertThat(session.open()).isFalse();
        assertThat(session.id()).isEqualTo(1);
        assertThat(server.messages().get(0).session().commands()).endsWith("DATA");
    }
}
