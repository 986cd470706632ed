package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.mailoutcome.testsupport.RawClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipeliningIT {

    private static final List<String> GROUP = List.of("MAIL FROM:<a@example.test>", "RCPT TO:<b@example.test>",
            "RCPT TO:<c@example.test>", "DATA");

    @Test
    void commandsWrittenInOneGoAreRecordedAsOneFlightAndAnsweredInOrder() throws Exception {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).start();
                RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            client.write(String.join("\r\n", GROUP) + "\r\n");
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < GROUP.size(); i++) replies.add(client.readReply());
            assertThat(replies).extracting(r -> r.substring(0, 3)).containsExactly("250", "250", "250", "354");
            assertThat(client.sendData("Subject: x\r\n\r\nhi")).startsWith("250");
            client.send("QUIT");
            SmtpSession session = server.sessions().get(0);
            assertThat(session.flights()).containsExactly(List.of("EHLO client.test"), GROUP, List.of("QUIT"));
            assertThat(session.commandFlights()).containsExactly(1, 2, 2, 2, 2, 3);
        }
    }

    @Test
    void commandsSentOneReplyAtATimeAreOneFlightEach() throws Exception {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).start();
                RawClient client = RawClient.greeted(server.host(), server.port())) {
            client.send("EHLO client.test");
            for (String command : GROUP) client.send(command);
            assertThat(server.sessions().get(0).flights()).hasSize(5).allSatisfy(f -> assertThat(f).hasSize(1));
        }
    }

    @Test
    void coalescedRepliesToAGroupComeInOneWrite() throws Exception {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).replyPackets(ReplyPackets.COALESCED).start();
                java.net.Socket socket = new java.net.Socket(server.host(), server.port())) {
            socket.setSoTimeout(5000);
            java.io.InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            assertThat(new String(buffer, 0, in.read(buffer), java.nio.charset.StandardCharsets.US_ASCII))
                    .startsWith("220 ");
            socket.getOutputStream().write(("EHLO client.test\r\n" + String.join("\r\n", GROUP) + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            StringBuilder got = new StringBuilder();
            while (!got.toString().contains("354 ")) {
                got.append(new String(buffer, 0, in.read(buffer), java.nio.charset.StandardCharsets.US_ASCII));
            }
            String[] lines = got.toString().split("\r\n");
            assertThat(lines[lines.length - 5]).startsWith("250 ");
            assertThat(lines[lines.length - 1]).startsWith("354 ");
            assertThat(server.sessions().get(0).flights()).hasSize(1);
        }
    }

    @Test
    void fragmentedRepliesAreStillWholeReplies() throws Exception {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).replyPackets(ReplyPackets.FRAGMENTED).start();
                RawClient client = RawClient.greeted(server.host(), server.port())) {
            assertThat(client.send("EHLO client.test")).startsWith("250-testkit.local\n250-PIPELINING");
            client.write(String.join("\r\n", GROUP) + "\r\n");
            List<String> replies = new ArrayList<>();
            for (int i = 0; i < GROUP.size(); i++) replies.add(client.readReply());
            assertThat(replies.get(3)).isEqualTo("354 End data with <CR><LF>.<CR><LF>");
            assertThat(client.sendData("Subject: x\r\n\r\nhi")).startsWith("250 2.0.0 Ok: queued as ");
        }
    }

    @Test
    void sessionBuiltWithoutFlightsGivesEachCommandItsOwn() {
        SmtpSession session = new SmtpSession(1, GROUP, List.of(), List.of(), false, false, true);
        assertThat(session.flights()).hasSize(4);
        assertThatThrownBy(() -> new SmtpSession(1, GROUP, List.of(), List.of(), false, false, true, List.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one flight number per command");
    }

    @Test
    void latencyProxyDelaysEachDirectionAndCountsTheClientsTurns() throws Exception {
        Duration roundTrip = Duration.ofMillis(60);
        try (SmtpServer server = SmtpServer.builder().pipelining(true).start();
                LatencyProxy proxy = LatencyProxy.inFrontOf(server, roundTrip);
                RawClient client = RawClient.connect(proxy.host(), proxy.port())) {
            client.readReply();
            long start = System.nanoTime();
            assertThat(client.send("EHLO client.test")).contains("PIPELINING");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(roundTrip);
            client.write(String.join("\r\n", GROUP) + "\r\n");
            for (int i = 0; i < GROUP.size(); i++) client.readReply();
            assertThat(client.sendData("Subject: x\r\n\r\nhi")).startsWith("250");
            assertThat(proxy.clientTurns()).isEqualTo(3);
            assertThat(server.sessions().get(0).flights()).hasSize(2).element(1).isEqualTo(GROUP);
        }
    }

    @Test
    void latencyProxyKeepsOrderAndPassesALargeFlightWhole() throws Exception {
        try (SmtpServer server = SmtpServer.builder().pipelining(true).start();
                LatencyProxy proxy = LatencyProxy.start(server.host(), server.port(), Duration.ofMillis(20),
                        Duration.ZERO);
                RawClient client = RawClient.connect(proxy.host(), proxy.port())) {
            client.readReply();
            client.send("EHLO client.test");
            client.send("MAIL FROM:<a@example.test>");
            StringBuilder rcpts = new StringBuilder();
            for (int i = 0; i < 500; i++) rcpts.append("RCPT TO:<r").append(i).append("@example.test>\r\n");
            client.write(rcpts.toString());
            for (int i = 0; i < 500; i++) assertThat(client.readReply()).startsWith("250");
            List<String> commands = server.sessions().get(0).commands();
            assertThat(commands).hasSize(502).endsWith("RCPT TO:<r499@example.test>");
            assertThat(commands.get(2)).isEqualTo("RCPT TO:<r0@example.test>");
        }
    }

    @Test
    void latencyProxyPassesTheServersCloseOnAndForgetsTheConnection() throws Exception {
        try (SmtpServer server = SmtpServer.start();
                LatencyProxy proxy = LatencyProxy.inFrontOf(server, Duration.ofMillis(10));
                RawClient client = RawClient.connect(proxy.host(), proxy.port())) {
            client.readReply();
            assertThat(client.send("QUIT")).startsWith("221");
            assertThat(client.isClosedByServer()).isTrue();
            client.close();
            server.awaitOpenConnections(0, Duration.ofSeconds(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (proxy.openConnections() > 0 && System.nanoTime() < deadline) Thread.onSpinWait();
            assertThat(proxy.openConnections()).isZero();
        }
    }

    @Test
    void negativeDelayIsRefused() {
        assertThatThrownBy(() -> LatencyProxy.start("127.0.0.1", 25, Duration.ofMillis(-1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("toServer must not be negative: PT-0.001S");
    }
}
