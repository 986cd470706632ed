package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.mailoutcome.testsupport.RawClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Binding, counting connections, and closing without leaving threads or sockets behind. */
class ServerLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static List<Thread> threadsOf(SmtpServer server) {
        String prefix = "mail-outcome-testkit-" + server.port() + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).toList();
    }

    @Test
    void serversBindTheLoopbackAddressOnDifferentEphemeralPorts() {
        try (SmtpServer first = SmtpServer.start(); SmtpServer second = SmtpServer.start()) {
            assertThat(first.host()).isEqualTo("127.0.0.1");
            assertThat(first.port()).isPositive().isNotEqualTo(second.port());
            assertThat(first).hasToString("SmtpServer[127.0.0.1:" + first.port() + ", testkit.local]");
        }
    }

    @Test
    void everyServerThreadIsADaemon() throws IOException {
        try (SmtpServer server = SmtpServer.start(); RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(threadsOf(server)).hasSize(2).allMatch(Thread::isDaemon);
        }
    }

    @Test
    void connectionsAreCountedWhileOpenAndInTotal() throws IOException {
        try (SmtpServer server = SmtpServer.start()) {
            RawClient a = RawClient.greeted(server.host(), server.port());
            RawClient b = RawClient.greeted(server.host(), server.port());
            try (RawClient c = RawClient.greeted(server.host(), server.port())) {
                server.awaitOpenConnections(3, WAIT);
                a.close();
                assertThat(b.send("QUIT")).startsWith("221");
                b.close();
                server.awaitOpenConnections(1, WAIT);
                assertThat(server.connectionsAccepted()).isEqualTo(3);
                assertThat(server.sessions()).extracting(SmtpSession::open).containsExactly(false, false, true);
            }
            server.awaitOpenConnections(0, WAIT);
        }
    }

    @Test
    void connectionClosedByTheServerStaysCountedUntilTheClientClosesOrTheLingerEnds() throws IOException {
        // the linger is the read timeout, at most 2 s: long enough that the count below is read inside it however
        // slow the machine (300 ms left a stalled test thread to find it over), short enough to wait out
        try (SmtpServer server = SmtpServer.builder().readTimeout(Duration.ofSeconds(2)).start();
                RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("QUIT")).startsWith("221");
            assertThat(server.openConnections()).isEqualTo(1);
            server.awaitOpenConnections(0, WAIT);
            assertThat(server.sessions().get(0).open()).isFalse();
        }
    }

    @Test
    void closeDisconnectsClientsEndsEveryThreadAndStopsAccepting() throws IOException {
        SmtpServer server = SmtpServer.start();
        int port = server.port();
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            server.close();
            assertThat(client.isClosedByServer()).isTrue();
        }
        assertThat(threadsOf(server)).isEmpty();
        assertThat(server.openConnections()).isZero();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        server.close();
    }

    @Test
    void closeEndsAReplyHeldAtAGateThatIsNeverReleased() throws IOException {
        SmtpServer server = SmtpServer.start();
        Gate gate = new Gate();
        server.on(Verb.NOOP).holdUntil(gate);
        try (RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.write("NOOP\r\n");
            gate.awaitArrival(WAIT);
            server.close();
            assertThat(client.readToEnd()).isEmpty();
        }
        assertThat(threadsOf(server)).isEmpty();
        assertThat(server.sessions().get(0).transcript()).contains("-- server closed");
    }

    @Test
    void clientPropertiesPointAtTheServerWithFiniteTimeouts() {
        try (SmtpServer server = SmtpServer.builder().starttls(true).auth("u", "p").start()) {
            Properties properties = server.clientProperties();
            assertThat(properties).containsEntry("mail.smtp.host", "127.0.0.1")
                    .containsEntry("mail.smtp.port", Integer.toString(server.port()))
                    .containsEntry("mail.smtp.timeout", "10000")
                    .containsEntry("mail.smtp.connectiontimeout", "10000")
                    .containsEntry("mail.smtp.starttls.enable", "true")
                    .containsEntry("mail.smtp.ssl.trust", "127.0.0.1")
                    .containsEntry("mail.smtp.auth", "true");
        }
        try (SmtpServer plain = SmtpServer.start()) {
            assertThat(plain.clientProperties()).doesNotContainKeys("mail.smtp.starttls.enable", "mail.smtp.auth");
        }
    }

    @Test
    void awaitMessagesFailsWhenTooFewArrive() {
        try (SmtpServer server = SmtpServer.start()) {
            assertThatThrownBy(() -> server.awaitMessages(1, Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("expected at least 1 messages");
        }
    }
}
