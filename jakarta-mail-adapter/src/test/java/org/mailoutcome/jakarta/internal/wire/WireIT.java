package org.mailoutcome.jakarta.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.FailureCause;
import org.mailoutcome.TlsFailure;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testsupport.FreePorts;
import org.mailoutcome.testsupport.TestCa;
import org.mailoutcome.testsupport.TlsFront;

/**
 * The mailer opens its connections itself, with every socket setting of the caller's session as Angus would apply
 * it, and whoever made the socket the pipelined transaction still leaves in one write: the caller's socket factory
 * (instance, {@code .class}, port, fallback), STARTTLS and SMTPS with the caller's own SSL factory, {@code ssl.trust},
 * HTTP and SOCKS proxies, local address, read timeout and socket channels.
 */
class WireIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final List<String> FLIGHT = List.of("MAIL FROM:<sender@client.test>", "RCPT TO:<a@example.test>",
            "RCPT TO:<b@example.test>", "DATA");

    private static MimeMessage message(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("sender@client.test"));
        message.setRecipients(Message.RecipientType.TO, "a@example.test, b@example.test");
        message.setSubject("wire");
        message.setText("Hello over the mailer's own socket.\r\n");
        return message;
    }

    /** Sends one message through a mailer of {@code props}; the report. */
    private static DeliveryReport send(Properties props) throws MessagingException {
        Session session = Session.getInstance(props);
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).connectTimeout(TIMEOUT).readTimeout(TIMEOUT)
                .build()) {
            return mailer.send(message(session));
        }
    }

    private static List<List<String>> flights(SmtpServer server) {
        server.awaitOpenConnections(0, TIMEOUT);
        return server.sessions().stream().flatMap(s -> s.flights().stream()).toList();
    }

    @Nested
    class SocketFactories {
        @Test
        void theCallersFactoryInstanceMakesTheSocketAndTheTransactionIsStillOneWrite() throws Exception {
            try (SmtpServer server = SmtpServer.builder().pipelining(true).start()) {
                CountingFactories.Plain factory = new CountingFactories.Plain(false);
                Properties props = server.clientProperties();
                props.put("mail.smtp.socketFactory", factory);
                assertThat(send(props).isFullyAccepted()).isTrue();
                assertThat(factory.made.get()).isEqualTo(1);
                assertThat(flights(server)).contains(FLIGHT);
            }
        }

        @Test
        void aFactoryNamedByClassIsMadeWithItsGetDefault() throws Exception {
            try (SmtpServer server = SmtpServer.builder().start()) {
                Properties props = server.clientProperties();
                props.setProperty("mail.smtp.socketFactory.class", CountingFactories.Plain.class.getName());
                int before = CountingFactories.Plain.MADE_BY_DEFAULT.get();
                assertThat(send(props).isFullyAccepted()).isTrue();
                assertThat(CountingFactories.Plain.MADE_BY_DEFAULT.get()).isEqualTo(before + 1);
            }
        }

        @Test
        void aFailingFactoryFallsBackToAPlainSocketUnlessFallbackIsOff() throws Exception {
            try (SmtpServer server = SmtpServer.builder().start()) {
                Properties props = server.clientProperties();
                props.put("mail.smtp.socketFactory", new CountingFactories.Plain(true));
                assertThat(send(props).isFullyAccepted()).as("fallback by default, as Angus").isTrue();
                props.setProperty("mail.smtp.socketFactory.fallback", "false");
                DeliveryReport refused = send(props);
                assertThat(refused.recipients()).allSatisfy(r -> assertThat(r.outcome())
                        .isInstanceOf(DeliveryOutcome.ConnectionLost.class));
                assertThat(server.connectionsAccepted()).isEqualTo(1);
            }
        }

        @Test
        void theFactoryConnectsToItsOwnPortWhenOneIsSet() throws Exception {
            try (SmtpServer server = SmtpServer.builder().start()) {
                Properties props = server.clientProperties();
                props.setProperty("mail.smtp.port", Integer.toString(FreePorts.one()));
                props.put("mail.smtp.socketFactory", new CountingFactories.Plain(false));
                props.setProperty("mail.smtp.socketFactory.port", Integer.toString(server.port()));
                assertThat(send(props).isFullyAccepted()).isTrue();
            }
        }
    }

    @Nested
    class Tls {
        @Test
        void startTlsLayersTheCallersSslFactoryAndThePipelinedTransactionStillLeavesInOneWrite() throws Exception {
            try (SmtpServer server = SmtpServer.builder().pipelining(true).starttls(true).start()) {
                CountingFactories.Ssl own = new CountingFactories.Ssl(TestCa.trustingAnything());
                Properties props = server.clientProperties();
                props.remove("mail.smtp.ssl.trust");
                props.put("mail.smtp.ssl.socketFactory", own);
                assertThat(send(props).isFullyAccepted()).isTrue();
                assertThat(own.layered.get()).isEqualTo(1);
                List<List<String>> flights = flights(server);
                assertThat(flights.get(1)).containsExactly("STARTTLS");
                assertThat(flights).contains(FLIGHT);
            }
        }

        @Test
        void sslTrustNamingAnotherHostStillRefusesTheServer() throws Exception {
            try (SmtpServer server = SmtpServer.builder().starttls(true).start()) {
                Properties props = server.clientProperties();
                props.setProperty("mail.smtp.ssl.trust", "mx.elsewhere.test");
                props.setProperty("mail.smtp.starttls.required", "true");
                DeliveryReport report = send(props);
                assertThat(report.recipients()).allSatisfy(r -> assertThat(r.outcome().cause())
                        .hasValueSatisfying(c -> assertThat(c.tls()).contains(TlsFailure.SERVER_NOT_TRUSTED)));
                assertThat(server.messages()).isEmpty();
            }
        }

        @Test
        void smtpsUsesTheCallersSslFactoryTrustingTheTestCa() throws Exception {
            try (SmtpServer server = SmtpServer.builder().pipelining(true).start();
                    TlsFront front = TlsFront.start(TestCa.get().serverContext(), server.host(), server.port())) {
                CountingFactories.Ssl own = new CountingFactories.Ssl(TestCa.get().clientContext());
                Properties props = smtps(front);
                props.put("mail.smtps.ssl.socketFactory", own);
                assertThat(send(props).isFullyAccepted()).isTrue();
                assertThat(own.layered.get()).isEqualTo(1);
                assertThat(front.connectionsAccepted()).isEqualTo(1);
            }
        }

        @Test
        void smtpsWithTheDefaultTrustRefusesTheTestCaAndSslTrustAcceptsIt() throws Exception {
            try (SmtpServer server = SmtpServer.builder().start();
                    TlsFront front = TlsFront.start(TestCa.get().serverContext(), server.host(), server.port())) {
                DeliveryReport refused = send(smtps(front));
                assertThat(refused.recipients()).allSatisfy(r -> assertThat(r.outcome())
                        .isInstanceOfSatisfying(DeliveryOutcome.ConnectionLost.class, lost -> {
                            FailureCause cause = lost.cause().orElseThrow();
                            assertThat(cause.type()).isEqualTo("javax.net.ssl.SSLHandshakeException");
                            assertThat(cause.tls()).contains(TlsFailure.CERTIFICATE_UNTRUSTED);
                            assertThat(DeliveryReport.describe(lost)).contains("(TLS: CERTIFICATE_UNTRUSTED)");
                        }));
                Properties trusting = smtps(front);
                trusting.setProperty("mail.smtps.ssl.trust", "localhost");
                assertThat(send(trusting).isFullyAccepted()).isTrue();
            }
        }

        @Test
        void aHostNameVerifierThatRefusesTheServerIsAHostNameMismatch() throws Exception {
            try (SmtpServer server = SmtpServer.builder().start();
                    TlsFront front = TlsFront.start(TestCa.get().serverContext(), server.host(), server.port())) {
                Properties props = smtps(front);
                props.put("mail.smtps.ssl.socketFactory", TestCa.get().clientContext().getSocketFactory());
                props.put("mail.smtps.ssl.hostnameverifier", (javax.net.ssl.HostnameVerifier) (host, session) -> false);
                DeliveryReport refused = send(props);
                assertThat(refused.recipients()).allSatisfy(r -> assertThat(r.outcome().cause())
                        .hasValueSatisfying(c -> assertThat(c.tls()).contains(TlsFailure.HOSTNAME_MISMATCH)));
            }
        }

        @Test
        void sslEnableOnSmtpMeansTlsFromTheFirstByte() throws Exception {
            try (SmtpServer server = SmtpServer.builder().start();
                    TlsFront front = TlsFront.start(TestCa.get().serverContext(), server.host(), server.port())) {
                Properties props = server.clientProperties();
                props.setProperty("mail.smtp.port", Integer.toString(front.port()));
                props.setProperty("mail.smtp.ssl.enable", "true");
                props.put("mail.smtp.ssl.socketFactory", TestCa.get().clientContext().getSocketFactory());
                assertThat(send(props).isFullyAccepted()).isTrue();
                assertThat(front.connectionsAccepted()).isEqualTo(1);
            }
        }

        private Properties smtps(TlsFront front) {
            Properties props = new Properties();
            props.setProperty("mail.transport.protocol", "smtps");
            props.setProperty("mail.smtps.host", "localhost");
            props.setProperty("mail.smtps.port", Integer.toString(front.port()));
            props.setProperty("mail.smtps.localhost", "localhost");
            return props;
        }
    }

    @Nested
    class Proxies {
        @Test
        void anHttpProxyIsAskedForATunnelWithItsCredentialsAndStartTlsChecksTheServersName() throws Exception {
            try (SmtpServer server = SmtpServer.builder().pipelining(true).starttls(true).start();
                    TestProxy proxy = new TestProxy(TestProxy.Kind.HTTP)) {
                Properties props = server.clientProperties();
                props.setProperty("mail.smtp.proxy.host", "127.0.0.1:" + proxy.port());
                props.setProperty("mail.smtp.proxy.user", "app");
                props.setProperty("mail.smtp.proxy.password", "s3cret");
                assertThat(send(props).isFullyAccepted()).isTrue();
                assertThat(proxy.requests).singleElement().asString()
                        .startsWith("CONNECT " + server.host() + ":" + server.port() + " HTTP/1.1\r\n")
                        .contains("Proxy-Authorization: Basic YXBwOnMzY3JldA==");
                assertThat(flights(server)).contains(FLIGHT);
            }
        }

        @Test
        void aSocksProxyCarriesTheConnection() throws Exception {
            try (SmtpServer server = SmtpServer.builder().start();
                    TestProxy proxy = new TestProxy(TestProxy.Kind.SOCKS5)) {
                Properties props = server.clientProperties();
                props.setProperty("mail.smtp.socks.host", "127.0.0.1");
                props.setProperty("mail.smtp.socks.port", Integer.toString(proxy.port()));
                assertThat(send(props).isFullyAccepted()).isTrue();
                assertThat(proxy.requests).containsExactly("CONNECT " + server.host() + ":" + server.port());
            }
        }
    }

    @Nested
    class SocketSettings {
        @Test
        void localAddressAndPortReadTimeoutAndSocketChannelsAreThoseOfTheSession() throws Exception {
            try (SmtpServer server = SmtpServer.builder().start()) {
                Properties props = server.clientProperties();
                int local = FreePorts.one();
                props.setProperty("mail.smtp.localaddress", "127.0.0.1");
                props.setProperty("mail.smtp.localport", Integer.toString(local));
                props.setProperty("mail.smtp.timeout", "4321");
                props.setProperty("mail.smtp.usesocketchannels", "true");
                Wire.Opened opened = new Wire(props).open("smtp", false);
                try (Socket socket = opened.socket()) {
                    Socket inner = opened.wire().inner();
                    assertThat(inner.getLocalPort()).isEqualTo(local);
                    assertThat(inner.getSoTimeout()).isEqualTo(4321);
                    assertThat(inner.getTcpNoDelay()).isTrue();
                    assertThat(inner.getChannel()).isNotNull();
                    assertThat(socket.getInetAddress().getHostName()).isEqualTo(server.host());
                }
            }
        }

        @Test
        void aRefusedConnectionIsASocketConnectExceptionNamingTheServer() {
            Properties props = new Properties();
            props.setProperty("mail.smtp.host", "127.0.0.1");
            props.setProperty("mail.smtp.port", Integer.toString(FreePorts.one()));
            assertThatThrownBy(() -> new Wire(props).open("smtp", false))
                    .isInstanceOf(org.eclipse.angus.mail.util.SocketConnectException.class)
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
        }

        @Test
        void tlsFromTheFirstByteIsLayeredOverTheWireSocket() throws Exception {
            try (SmtpServer server = SmtpServer.builder().start();
                    TlsFront front = TlsFront.start(TestCa.get().serverContext(), server.host(), server.port())) {
                Properties props = new Properties();
                props.setProperty("mail.smtps.host", "localhost");
                props.setProperty("mail.smtps.port", Integer.toString(front.port()));
                props.put("mail.smtps.ssl.socketFactory", TestCa.get().clientContext().getSocketFactory());
                Wire.Opened opened = new Wire(props).open("smtps", true);
                try (Socket socket = opened.socket()) {
                    assertThat(socket).isInstanceOf(SSLSocket.class);
                    assertThat(((SSLSocket) socket).getSession().getPeerHost()).isEqualTo("localhost");
                    assertThat(opened.wire().applicationOutput()).isSameAs(socket.getOutputStream());
                }
            }
        }
    }
}
