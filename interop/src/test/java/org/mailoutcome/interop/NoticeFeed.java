package org.mailoutcome.interop;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.SmtpServer;

/**
 * Hands every mail a notice server receives from now on to a consumer, as it arrives, on a thread of its own: into a
 * mailbox, into a tracker.
 */
final class NoticeFeed implements AutoCloseable {
    private static final Duration WAKE_UP = Duration.ofMillis(500);

    private final SmtpServer server;
    private final Consumer<ReceivedMessage> consumer;
    private final int before;
    private final Thread thread;
    private volatile boolean stopping;

    private NoticeFeed(SmtpServer server, Consumer<ReceivedMessage> consumer) {
        this.server = server;
        this.consumer = consumer;
        this.before = server.messages().size();
        this.thread = new Thread(this::run, "notice-feed");
        thread.setDaemon(true);
    }

    /** Starts feeding what the server receives after the mails it holds now. */
    static NoticeFeed start(SmtpServer server, Consumer<ReceivedMessage> consumer) {
        NoticeFeed feed = new NoticeFeed(server, consumer);
        feed.thread.start();
        return feed;
    }

    private void run() {
        int fed = before;
        while (!stopping) {
            List<ReceivedMessage> received;
            try {
                received = server.awaitMessages(fed + 1, WAKE_UP);
            } catch (AssertionError none) {
                continue; // nothing new within the wait: look at stopping, wait again
            }
            received.subList(fed, received.size()).forEach(consumer);
            fed = received.size();
        }
    }

    /** Stops feeding, waiting for a mail being handed over. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(5_000);
    }
}
