package org.mailoutcome.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.mailoutcome.TlsFailure;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.LatencyProxy;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testsupport.PostfixServer;
import org.mailoutcome.testsupport.TestCa;
import org.mailoutcome.testsupport.TlsFront;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * {@code spring.mail.ssl.bundle} and {@code spring.mail.ssl.enabled} with the starter, as with Boot's own mail
 * sender: a bundle holding a test CA is what the TLS connections trust, for STARTTLS (the testkit, and a real
 * Postfix) and for TLS from the first byte, and the transaction still goes with pipelining and CHUNKING.
 */
class MailOutcomeSslBundleIT {
    private final ApplicationContextRunner runner = Fixtures.runner()
            .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class));

    private static String pem(Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    /** The testkit's self-signed certificate (its own CA), as a STARTTLS client that trusts anything sees it. */
    private static String testkitCertificate(SmtpServer server) throws Exception {
        SSLContext any = TestCa.trustingAnything();
        try (Socket plain = new Socket(server.host(), server.port())) {
            plain.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(plain.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = plain.getOutputStream();
            readReply(in);
            out.write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            readReply(in);
            out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readReply(in)).startsWith("220");
            try (SSLSocket tls = (SSLSocket) any.getSocketFactory().createSocket(plain, server.host(), server.port(),
                    false)) {
                tls.startHandshake();
                return pem(tls.getSession().getPeerCertificates()[0]);
            }
        }
    }

    private static String readReply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return String.valueOf(line);
    }

    @Test
    void startTlsTrustsTheBundleAndKeepsPipeliningAndChunking() throws Exception {
        try (SmtpServer server = SmtpServer.builder().starttls(true).pipelining(true).chunking(true).start()) {
            runner.withPropertyValues("spring.mail.host=" + server.host(), "spring.mail.port=" + server.port(),
                    "spring.mail.properties.mail.smtp.starttls.enable=true",
                    "spring.mail.properties.mail.smtp.starttls.required=true", "spring.mail.ssl.bundle=testkit",
                    "spring.ssl.bundle.pem.testkit.truststore.certificate=" + testkitCertificate(server))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        context.getBean(JavaMailSender.class).send(Fixtures.mail("a@example.test",
                                "b@example.test"));
                    });
            server.awaitOpenConnections(0, Duration.ofSeconds(5));
            assertThat(server.messages()).hasSize(1);
            List<List<String>> flights = server.sessions().get(1).flights(); // the first took the certificate
            assertThat(flights).contains(List.of("STARTTLS"));
            assertThat(flights).anySatisfy(flight -> assertThat(flight).startsWith("MAIL FROM:<app@client.test>",
                    "RCPT TO:<a@example.test>", "RCPT TO:<b@example.test>").last().asString()
                    .matches("BDAT \\d+ LAST"));
        }
    }

    @Test
    void tlsFromTheFirstByteTrustsTheBundleAndOnlyIt() {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).chunking(true).start();
                TlsFront front = TlsFront.start(TestCa.get().serverContext(), server.host(), server.port())) {
            ApplicationContextRunner smtps = runner.withPropertyValues("spring.mail.host=localhost",
                    "spring.mail.port=" + front.port(), "spring.mail.ssl.enabled=true");
            smtps.withPropertyValues("spring.mail.ssl.bundle=test-ca",
                    "spring.ssl.bundle.pem.test-ca.truststore.certificate=" + TestCa.get().caPem())
                    .run(context -> context.getBean(JavaMailSender.class).send(Fixtures.mail("a@example.test")));
            server.awaitOpenConnections(0, Duration.ofSeconds(5));
            assertThat(server.messages()).hasSize(1);
            assertThat(server.sessions().get(0).commands()).anyMatch(c -> c.matches("BDAT \\d+ LAST"));

            smtps.run(context -> {
                DeliveryReport refused = context.getBean(OutcomeMailer.class).send(Fixtures.mimeMessage(
                        "a@example.test"));
                assertThat(refused.recipients()).allSatisfy(r -> assertThat(r.outcome().cause())
                        .hasValueSatisfying(c -> assertThat(c.tls()).contains(TlsFailure.CERTIFICATE_UNTRUSTED)));
            });
        }
    }

    @Test
    void postfixOverStartTlsWithTheBundleTakesEachMessageInOneRoundTrip() throws Exception {
        try (PostfixServer postfix = PostfixServer.start();
                LatencyProxy proxy = LatencyProxy.start(PostfixServer.HOST, postfix.port(), Duration.ZERO,
                        Duration.ZERO)) {
            String certificate = Files.readString(postfix.runDir().resolve("conf/cert.pem"));
            long mark = postfix.maillog().mark();
            runner.withPropertyValues("spring.mail.host=" + PostfixServer.HOST, "spring.mail.port=" + proxy.port(),
                    "spring.mail.properties.mail.smtp.starttls.enable=true",
                    "spring.mail.properties.mail.smtp.starttls.required=true", "spring.mail.ssl.bundle=postfix",
                    "spring.ssl.bundle.pem.postfix.truststore.certificate=" + certificate).run(context -> {
                        JavaMailSender sender = context.getBean(JavaMailSender.class);
                        sender.send(Fixtures.mail("alice@lab.test"));
                        long before = proxy.clientTurns();
                        for (int i = 0; i < 3; i++) sender.send(Fixtures.mail("alice@lab.test", "bob@lab.test"));
                        assertThat((proxy.clientTurns() - before) / 3).as("round trips per message").isEqualTo(1);
                    });
            List<String> disconnect = postfix.maillog().await(mark, Pattern.compile("disconnect from .* mail=4 "), 1,
                    Duration.ofSeconds(10));
            assertThat(disconnect.get(0)).contains(" starttls=1 ").contains(" bdat=4 ");
            assertThat(postfix.maillog().matching(mark, Pattern.compile("TLS connection established"))).isNotEmpty();
        }
    }
}
