package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.mailoutcome.testsupport.RawClient;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AUTH PLAIN and LOGIN, with a raw client and with Angus. */
class AuthIT {

    private final SmtpServer server = SmtpServer.builder().auth("alice", "s3cret").requireAuth(true).start();

    @AfterEach
    void close() {
        server.close();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private RawClient ehloed() throws IOException {
        RawClient client = RawClient.greeted(server.host(), server.port());
        client.send("EHLO client.test");
        return client;
    }

    @Test
    void plainWithInitialResponseAuthenticates() throws IOException {
        try (RawClient client = ehloed()) {
            assertThat(client.send("AUTH PLAIN " + b64("\0alice\0s3cret")))
                    .isEqualTo("235 2.7.0 Authentication successful");
            assertThat(client.send("MAIL FROM:<alice@client.test>")).isEqualTo("250 2.1.0 Ok");
        }
        assertThat(server.sessions().get(0).authenticated()).isTrue();
    }

    @Test
    void plainWithoutInitialResponseGetsAnEmptyChallenge() throws IOException {
        try (RawClient client = ehloed()) {
            assertThat(client.send("AUTH PLAIN")).isEqualTo("334 ");
            assertThat(client.send(b64("alice\0alice\0s3cret"))).isEqualTo("235 2.7.0 Authentication successful");
        }
    }

    @Test
    void loginAsksForUserNameThenPassword() throws IOException {
        try (RawClient client = ehloed()) {
            assertThat(client.send("AUTH LOGIN")).isEqualTo("334 VXNlcm5hbWU6");
            assertThat(client.send(b64("alice"))).isEqualTo("334 UGFzc3dvcmQ6");
            assertThat(client.send(b64("s3cret"))).isEqualTo("235 2.7.0 Authentication successful");
        }
        assertThat(server.sessions().get(0).commands())
                .containsExactly("EHLO client.test", "AUTH LOGIN", b64("alice"), b64("s3cret"));
    }

    @Test
    void badCredentialsGet535AndMailStaysRefused() throws IOException {
        try (RawClient client = ehloed()) {
            assertThat(client.send("AUTH PLAIN " + b64("\0alice\0wrong")))
                    .isEqualTo("535 5.7.8 Error: authentication failed");
            assertThat(client.send("AUTH LOGIN " + b64("mallory"))).isEqualTo("334 UGFzc3dvcmQ6");
            assertThat(client.send(b64("s3cret"))).isEqualTo("535 5.7.8 Error: authentication failed");
            assertThat(client.send("MAIL FROM:<a@client.test>")).isEqualTo("530 5.7.0 Authentication required");
        }
        assertThat(server.sessions().get(0).authenticated()).isFalse();
    }

    @Test
    void malformedExchangesAreRefused() throws IOException {
        try (RawClient client = ehloed()) {
            assertThat(client.send("AUTH CRAM-MD5"))
                    .isEqualTo("535 5.7.8 Error: authentication failed: Invalid authentication mechanism");
            assertThat(client.send("AUTH LOGIN")).startsWith("334");
            assertThat(client.send("*")).isEqualTo("501 5.7.0 Authentication aborted");
            assertThat(client.send("AUTH PLAIN !!!notbase64")).isEqualTo("501 5.5.2 Cannot decode response");
            assertThat(client.send("AUTH")).isEqualTo("501 5.5.4 Syntax: AUTH mechanism");
        }
    }

    @Test
    void authNeedsEhloAndHappensOnce() throws IOException {
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("AUTH PLAIN " + b64("\0alice\0s3cret")))
                    .isEqualTo("503 5.5.1 Error: send EHLO first");
            client.send("EHLO client.test");
            assertThat(client.send("AUTH PLAIN " + b64("\0alice\0s3cret"))).startsWith("235");
            assertThat(client.send("AUTH PLAIN " + b64("\0alice\0s3cret")))
                    .isEqualTo("503 5.5.1 Error: already authenticated");
        }
    }

    @Test
    void angusLogsInWithLoginAndSends() throws Exception {
        Session session = Session.getInstance(server.clientProperties());
        Transport.send(Mails.message(session, "alice@client.test", "bob@example.test"), "alice", "s3cret");
        assertThat(server.messages()).singleElement().satisfies(m -> {
            assertThat(m.envelopeRecipients()).containsExactly("bob@example.test");
            assertThat(m.session().commands()).contains("AUTH LOGIN");
            assertThat(m.session().authenticated()).isTrue();
        });
    }

    @Test
    void angusLogsInWithPlainAndSends() throws Exception {
        Properties properties = server.clientProperties();
        properties.setProperty("mail.smtp.auth.mechanisms", "PLAIN");
        Session session = Session.getInstance(properties);
        Transport.send(Mails.message(session, "alice@client.test", "bob@example.test"), "alice", "s3cret");
        assertThat(server.messages()).singleElement()
                .satisfies(m -> assertThat(m.session().commands()).anyMatch(c -> c.startsWith("AUTH PLAIN ")));
    }

    @Test
    void angusWithBadPasswordFailsWith535() {
        Session session = Session.getInstance(server.clientProperties());
        assertThatThrownBy(() -> Transport.send(
                Mails.message(session, "alice@client.test", "bob@example.test"), "alice", "wrong"))
                .isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("535 5.7.8 Error: authentication failed");
        assertThat(server.messages()).isEmpty();
    }
}
