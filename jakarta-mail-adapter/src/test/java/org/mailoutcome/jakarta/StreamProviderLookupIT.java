package org.mailoutcome.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Enumeration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.junit5.SmtpServerExtension;

/**
 * Jakarta Mail searches the class path for its {@code StreamProvider} for every body part it encodes (the largest
 * single cost of a send in a profile against Postfix). The mailer's transports answer that search from what they
 * found once: here the thread's context class loader counts the searches that reach the class path.
 */
class StreamProviderLookupIT {
    private static final String SERVICE_FILE = "META-INF/services/jakarta.mail.util.StreamProvider";

    @RegisterExtension
    static SmtpServerExtension smtp = new SmtpServerExtension();

    @Test
    void theMailerSearchesTheClassPathOncePerConnectionNotOncePerMessage() throws Exception {
        Session session = Mails.session(smtp.server());
        CountingLoader counting = new CountingLoader(Thread.currentThread().getContextClassLoader());
        withContextLoader(counting, () -> {
            Transport.send(Mails.message(session, "a@example.com"));   // plain Angus: searches per message
            Transport.send(Mails.message(session, "a@example.com"));
            int plainAngus = counting.searches.getAndSet(0);
            assertThat(plainAngus).as("searches by plain Angus for two messages").isGreaterThanOrEqualTo(2);

            try (OutcomeMailer mailer = OutcomeMailer.builder(session).maxConnections(1).build()) {
                counting.searches.set(0);                    // the mailer's own session searched once, when built
                for (int i = 0; i < 5; i++) {
                    assertThat(mailer.send(Mails.message(session, "a@example.com")).isFullyAccepted()).isTrue();
                }
            }
            assertThat(counting.searches.get()).as("searches by the mailer for five messages").isEqualTo(1);
        });
        assertThat(smtp.awaitMessages(7, Duration.ofSeconds(5))).hasSize(7);
    }

    private interface Body {
        void run() throws Exception;
    }

    private static void withContextLoader(ClassLoader loader, Body body) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            body.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static final class CountingLoader extends ClassLoader {
        final AtomicInteger searches = new AtomicInteger();

        CountingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (SERVICE_FILE.equals(name)) searches.incrementAndGet();
            return super.getResources(name);
        }
    }
}
