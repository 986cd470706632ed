package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.Stage;

/**
 * A server that stops reading in the middle of the message: the client's write blocks once the socket buffers are
 * full, and only the write timeout can end it (the read timeout is far longer and no reply is awaited).
 */
class WriteTimeoutIT {

    @Test
    void blockedWriteDuringTheMessageEndsAtTheWriteTimeoutAsNotDelivered() throws Exception {
        CountDownLatch testDone = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread serverThread = new Thread(() -> serveThenStopReadingAtData(server, testDone), "stalling-server");
            serverThread.setDaemon(true);
            serverThread.start();

            Session session = Mails.session("127.0.0.1", server.getLocalPort());
            try (OutcomeMailer mailer = OutcomeMailer.builder(session).writeTimeout(Duration.ofMillis(300))
                    .readTimeout(Duration.ofSeconds(30)).build()) {
                MimeMessage message = Mails.message(session, "a@example.test", "b@example.test");
                message.setText("x".repeat(76) .concat("\r\n").repeat(200_000)); // about 15 MB: more than any buffer

                long start = System.nanoTime();
                DeliveryReport report = mailer.send(message);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(report.recipients()).hasSize(2).allSatisfy(r -> assertThat(r.outcome())
                        .isInstanceOfSatisfying(ConnectionLost.class, lost -> {
                            assertThat(lost.stage()).isEqualTo(Stage.MESSAGE);
                            assertThat(lost.isMaybeDelivered()).isFalse();
                        }));
                // far below the 30 s read timeout: the write timeout ended it
                assertThat(took).isLessThan(Duration.ofSeconds(15));
            } finally {
                testDone.countDown();
            }
        }
    }

    private static void serveThenStopReadingAtData(ServerSocket server, CountDownLatch testDone) {
        try (Socket s = server.accept()) {
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            out.write("220 stalling.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line; (line = in.readLine()) != null; ) {
                boolean data = line.equalsIgnoreCase("DATA");
                out.write((data ? "354 go ahead\r\n" : "250 ok\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (data) break;
            }
            testDone.await(60, TimeUnit.SECONDS); // never reads again
        } catch (IOException | InterruptedException e) {
            // the client closed: the test asserts on what it saw
        }
    }
}
