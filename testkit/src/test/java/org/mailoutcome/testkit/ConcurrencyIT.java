package org.mailoutcome.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many clients at once: 8 threads sending through Angus. */
class ConcurrencyIT {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 50;

    private final SmtpServer server = SmtpServer.builder().pipelining(true).start();
    private final ExecutorService clients = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() {
        clients.shutdownNow();
        server.close();
    }

    private void runOnEveryThread(Callable<Void> task) throws Exception {
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(clients.submit(task));
        }
        for (Future<Void> future : done) {
            future.get();
        }
    }

    @Test
    void eightThreadsSendingWithANewConnectionPerMessageAreAllRecorded() throws Exception {
        Session session = Session.getInstance(server.clientProperties());
        runOnEveryThread(() -> {
            for (int i = 0; i < PER_THREAD; i++) {
                Transport.send(Mails.message(session, "s@client.test", Thread.currentThread().getName() + "@x.test"));
            }
            return null;
        });
        List<ReceivedMessage> messages = server.awaitMessages(THREADS * PER_THREAD, Duration.ofSeconds(10));
        assertThat(messages).hasSize(THREADS * PER_THREAD);
        assertThat(messages).extracting(ReceivedMessage::id).doesNotHaveDuplicates();
        server.awaitOpenConnections(0, Duration.ofSeconds(10));
        assertThat(server.connectionsAccepted()).isEqualTo(THREADS * PER_THREAD);
        assertThat(server.sessions()).hasSize(THREADS * PER_THREAD).noneMatch(SmtpSession::open);
    }

    @Test
    void eightConnectedTransportsSendingConcurrentlyAreAllRecorded() throws Exception {
        server.on(Verb.RCPT, "*-7@x.test").reply("550 5.1.1 never this one");
        Session session = Session.getInstance(server.clientProperties());
        runOnEveryThread(() -> {
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < PER_THREAD; i++) {
                    MimeMessage message = Mails.message(session, "s@client.test", "r-" + (i % 10) + "@x.test");
                    message.saveChanges();
                    sendIgnoringRejection(transport, message);
                }
            }
            return null;
        });
        server.awaitOpenConnections(0, Duration.ofSeconds(10));
        assertThat(server.connectionsAccepted()).isEqualTo(THREADS);
        assertThat(server.messages()).hasSize(THREADS * PER_THREAD * 9 / 10)
                .noneMatch(m -> m.envelopeRecipients().contains("r-7@x.test"));
    }

    private static void sendIgnoringRejection(Transport transport, MimeMessage message) {
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (jakarta.mail.SendFailedException expectedForR7) {
            assertThat(expectedForR7.getInvalidAddresses()).hasSize(1);
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
