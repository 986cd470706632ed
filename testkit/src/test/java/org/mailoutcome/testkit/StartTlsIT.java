package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.mailoutcome.testsupport.RawClient;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.mailoutcome.testkit.internal.TlsContexts;

/** STARTTLS with the self-signed certificate made by keytool at start. */
class StartTlsIT {

    private static SSLContext trustingClient() throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(TlsContexts.keyStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void starttlsUpgradesTheConnectionAndTheServerForgetsTheEarlierEhlo() throws Exception {
        try (SmtpServer server = SmtpServer.builder().starttls(true).start();
                RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("EHLO client.test")).contains("250-STARTTLS");
            assertThat(client.send("STARTTLS")).isEqualTo("220 2.0.0 Ready to start TLS");
            client.startTls(trustingClient());
            assertThat(client.send("MAIL FROM:<a@client.test>")).isEqualTo("503 5.5.1 Error: send HELO/EHLO first");
            assertThat(client.send("EHLO client.test")).doesNotContain("STARTTLS");
            assertThat(client.send("STARTTLS")).isEqualTo("554 5.5.1 Error: TLS already active");
            client.startMessage("a@client.test", "b@example.test").sendData("Subject: over tls");
            assertThat(server.messages().get(0).session().tlsActive()).isTrue();
        }
    }

    @Test
    void certificateIsForTheLoopbackAddressAndLocalhost() throws Exception {
        X509Certificate certificate = (X509Certificate) TlsContexts.keyStore().getCertificate("testkit");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> (String) n.get(1)).toList();
        assertThat(names).containsExactlyInAnyOrder("127.0.0.1", "localhost");
    }

    @Test
    void requiredTlsRefusesMailAndHidesAuthUntilStarttls() throws Exception {
        SmtpServer.Builder builder = SmtpServer.builder().starttls(true).requireTls(true).auth("u", "p");
        try (SmtpServer server = builder.start(); RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("EHLO client.test")).doesNotContain("AUTH");
            assertThat(client.send("MAIL FROM:<a@client.test>"))
                    .isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
            assertThat(client.send("AUTH PLAIN AHUAcA==")).isEqualTo("530 5.7.0 Must issue a STARTTLS command first");
            client.send("STARTTLS");
            client.startTls(trustingClient());
            assertThat(client.send("EHLO client.test")).contains("250-AUTH PLAIN LOGIN");
            assertThat(client.send("MAIL FROM:<a@client.test>")).isEqualTo("250 2.1.0 Ok");
        }
    }

    @Test
    void starttlsWithAnArgumentIsASyntaxError() throws Exception {
        try (SmtpServer server = SmtpServer.builder().starttls(true).start();
                RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("STARTTLS now")).isEqualTo("501 5.5.4 Syntax: STARTTLS");
        }
    }

    @Test
    void angusSendsOverStarttlsTrustingTheServerByHost() throws Exception {
        try (SmtpServer server = SmtpServer.builder().starttls(true).requireTls(true).auth("u", "p").start()) {
            Session session = Session.getInstance(server.clientProperties());
            Transport.send(Mails.message(session, "a@client.test", "b@example.test"), "u", "p");
            SmtpSession recorded = server.messages().get(0).session();
            assertThat(recorded.tlsActive()).isTrue();
            assertThat(recorded.authenticated()).isTrue();
            assertThat(recorded.commands()).containsSubsequence("EHLO localhost", "STARTTLS", "EHLO localhost");
        }
    }

    @Test
    void failedHandshakeEndsOnlyThatSession() throws Exception {
        try (SmtpServer server = SmtpServer.builder().starttls(true).start()) {
            try (RawClient client = RawClient.greeted(server.host(), server.port())) {
                client.send("STARTTLS");
                client.write("this is not a TLS client hello\r\n");
                assertThat(client.readToEnd()).hasSizeLessThan(100);
            }
            server.awaitOpenConnections(0, Duration.ofSeconds(5));
            assertThat(server.sessions().get(0).transcript()).last().asString().startsWith("-- connection lost");
            try (RawClient client = RawClient.greeted(server.host(), server.port())) {
                assertThat(client.send("NOOP")).isEqualTo("250 2.0.0 Ok");
            }
            assertThat(List.of(server.connectionsAccepted())).containsExactly(2);
        }
    }
}
