package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.mailoutcome.testsupport.RawClient;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scripted replies and how their codes change what the server records, driven by a raw socket client. */
class ScriptedRepliesIT {

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
    void scriptedRcptReplyIsWrittenVerbatimAndRejectsOnlyThatRecipient() throws IOException {
        server.on(Verb.RCPT, "moved@example.test").reply("551 5.1.6 User not local; please try <new@example.net>");
        try (RawClient client = inTransaction()) {
            assertThat(client.send("RCPT TO:<moved@example.test>"))
                    .isEqualTo("551 5.1.6 User not local; please try <new@example.net>");
            assertThat(client.send("RCPT TO:<stays@example.test>")).isEqualTo("250 2.1.5 Ok");
            client.send("DATA");
            client.sendData("Subject: x");
        }
        assertThat(server.messages().get(0).envelopeRecipients()).containsExactly("stays@example.test");
    }

    @Test
    void argumentPatternIgnoresCase() throws IOException {
        server.on(Verb.RCPT, "Moved@Example.TEST").reply("551 5.1.6 moved");
        try (RawClient client = inTransaction()) {
            assertThat(client.send("RCPT TO:<moved@example.test>")).isEqualTo("551 5.1.6 moved");
        }
    }

    @Test
    void globScriptsAWholeDomainWithAMultiLineReply() throws IOException {
        server.on(Verb.RCPT, "*@other.test").reply("550-5.1.1 first line", "550 5.1.1 second line");
        try (RawClient client = inTransaction()) {
            assertThat(client.send("RCPT TO:<a@other.test>")).isEqualTo("550-5.1.1 first line\n550 5.1.1 second line");
            assertThat(client.send("RCPT TO:<b@other.test>")).startsWith("550-");
            assertThat(client.send("RCPT TO:<c@example.test>")).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void scripted2yzOtherThan250AcceptsTheRecipient() throws IOException {
        server.on(Verb.RCPT, "maybe@example.test").reply("252 2.1.5 Cannot verify, will attempt delivery");
        try (RawClient client = inTransaction()) {
            assertThat(client.send("RCPT TO:<maybe@example.test>")).startsWith("252 ");
            assertThat(client.send("DATA")).startsWith("354");
            client.sendData("Subject: x");
        }
        assertThat(server.messages().get(0).envelopeRecipients()).containsExactly("maybe@example.test");
    }

    @Test
    void ruleLimitedWithTimesIsSpentThenTheDefaultApplies() throws IOException {
        server.on(Verb.RCPT, "grey@example.test").times(1).reply("451 4.7.1 Greylisted, please try again later");
        try (RawClient client = inTransaction()) {
            assertThat(client.send("RCPT TO:<grey@example.test>"))
                    .isEqualTo("451 4.7.1 Greylisted, please try again later");
            assertThat(client.send("RCPT TO:<grey@example.test>")).isEqualTo("250 2.1.5 Ok");
        }
    }

    @Test
    void firstAddedRuleWinsSoRulesReadAsASequence() throws IOException {
        server.on(Verb.RCPT).times(1).proceed();
        server.on(Verb.RCPT).times(1).reply("451 4.3.0 second");
        server.on(Verb.RCPT).reply("550 5.1.1 then always");
        try (RawClient client = inTransaction()) {
            assertThat(client.send("RCPT TO:<a@example.test>")).isEqualTo("250 2.1.5 Ok");
            assertThat(client.send("RCPT TO:<a@example.test>")).isEqualTo("451 4.3.0 second");
            assertThat(client.send("RCPT TO:<a@example.test>")).isEqualTo("550 5.1.1 then always");
            assertThat(client.send("RCPT TO:<a@example.test>")).isEqualTo("550 5.1.1 then always");
        }
    }

    @Test
    void ruleAddedWhileAClientIsConnectedAppliesToItsNextCommand() throws IOException {
        try (RawClient client = inTransaction()) {
            assertThat(client.send("RCPT TO:<a@example.test>")).isEqualTo("250 2.1.5 Ok");
            server.on(Verb.RCPT).reply("452 4.2.2 Mailbox full, try again later");
            assertThat(client.send("RCPT TO:<b@example.test>")).isEqualTo("452 4.2.2 Mailbox full, try again later");
        }
    }

    @Test
    void vrfyExpnGreetingAndUnknownCommandsCanBeScripted() throws IOException {
        server.on(Verb.CONNECT).reply("220-mx.example.test ESMTP", "220 second greeting line");
        server.on(Verb.VRFY).reply("252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery");
        server.on(Verb.EXPN, "staff").reply("250 2.1.5 <alice@example.test>");
        server.on(Verb.UNKNOWN, "XCLIENT *").reply("220 2.0.0 xclient ok");
        try (RawClient client = RawClient.connect(server.host(), server.port())) {
            assertThat(client.readReply()).isEqualTo("220-mx.example.test ESMTP\n220 second greeting line");
            assertThat(client.send("VRFY <anyone@example.test>"))
                    .isEqualTo("252 2.0.0 Cannot VRFY user, but will accept message and attempt delivery");
            assertThat(client.send("EXPN <staff>")).isEqualTo("250 2.1.5 <alice@example.test>");
            assertThat(client.send("xclient ADDR=192.0.2.1")).isEqualTo("220 2.0.0 xclient ok");
            assertThat(client.send("XFORWARD NAME=x")).isEqualTo("502 5.5.2 Error: command not recognized");
        }
    }

    @Test
    void scriptedMailRejectionStartsNoTransaction() throws IOException {
        server.on(Verb.MAIL, "spammer@*").reply("550 5.7.1 Sender rejected");
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            assertThat(client.send("MAIL FROM:<spammer@bad.test>")).isEqualTo("550 5.7.1 Sender rejected");
            assertThat(client.send("RCPT TO:<a@example.test>")).isEqualTo("503 5.5.1 Error: need MAIL command");
        }
    }

    @Test
    void scriptedDataRejectionSendsNoMessage() throws IOException {
        server.on(Verb.DATA).reply("451 4.3.0 Try DATA later");
        try (RawClient client = inTransaction()) {
            client.send("RCPT TO:<a@example.test>");
            assertThat(client.send("DATA")).isEqualTo("451 4.3.0 Try DATA later");
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void scripted2yzAfterDataRecordsTheMessageAndRejectionDoesNot() throws IOException {
        server.on(Verb.END_OF_DATA).times(1).reply("554 5.7.1 Message rejected: spam");
        server.on(Verb.END_OF_DATA).reply("250 2.0.0 Accepted, custom id");
        try (RawClient client = inTransaction()) {
            client.send("RCPT TO:<a@example.test>");
            client.send("DATA");
            assertThat(client.sendData("Subject: 1")).isEqualTo("554 5.7.1 Message rejected: spam");
            client.startMessage("sender@client.test", "a@example.test");
            assertThat(client.sendData("Subject: 2")).isEqualTo("250 2.0.0 Accepted, custom id");
        }
        assertThat(server.messages()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Subject: 2\r\n");
            assertThat(m.maybeDelivered()).isFalse();
        });
    }

    @Test
    void scripted235AuthenticatesAndScripted2yzQuitCloses() throws IOException {
        server.close();
        try (SmtpServer authServer = SmtpServer.builder().auth("u", "p").requireAuth(true).start()) {
            authServer.on(Verb.AUTH).reply("235 2.7.0 Authentication successful");
            authServer.on(Verb.QUIT).reply("221 2.0.0 Scripted bye");
            try (RawClient client = RawClient.greeted(authServer.host(), authServer.port())) {
                client.send("EHLO client.test");
                assertThat(client.send("AUTH PLAIN bm90aGluZw==")).startsWith("235");
                assertThat(client.send("MAIL FROM:<a@client.test>")).isEqualTo("250 2.1.0 Ok");
                assertThat(client.send("QUIT")).isEqualTo("221 2.0.0 Scripted bye");
                assertThat(client.isClosedByServer()).isTrue();
            }
            assertThat(authServer.sessions().get(0).authenticated()).isTrue();
        }
    }

    @Test
    void resetRemovesRulesAndRecordings() throws IOException {
        server.on(Verb.NOOP).reply("554 scripted");
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("NOOP")).isEqualTo("554 scripted");
        }
        server.awaitOpenConnections(0, WAIT);
        server.reset();
        assertThat(server.sessions()).isEmpty();
        assertThat(server.connectionsAccepted()).isZero();
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
        }
        assertThat(server.sessions()).singleElement().extracting(SmtpSession::id).isEqualTo(1);
    }
}
