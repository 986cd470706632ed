package org.mailoutcome.testkit.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import org.mailoutcome.testsupport.RawClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailoutcome.testkit.Gate;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;

/**
 * Test classes run by {@link SmtpServerExtensionIT} through the JUnit Platform test kit (their names match no
 * surefire or failsafe pattern, so the build does not run them directly). Each test records the server it saw.
 */
final class ExtensionSamples {

    static final List<SmtpServer> SERVERS = new CopyOnWriteArrayList<>();

    private ExtensionSamples() {
    }

    private static String noop(SmtpServerExtension smtp) throws IOException {
        try (RawClient client = RawClient.greeted(smtp.server().host(), smtp.server().port())) {
            return client.send("NOOP");
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedServer {

        @RegisterExtension
        static SmtpServerExtension smtp = new SmtpServerExtension();

        @Test
        @Order(1)
        void scriptsARule() throws IOException {
            SERVERS.add(smtp.server());
            smtp.on(Verb.NOOP).reply("554 5.0.0 scripted");
            assertThat(noop(smtp)).isEqualTo("554 5.0.0 scripted");
        }

        @Test
        @Order(2)
        void seesNeitherTheRuleNorTheSessionOfTheFirstTest() throws IOException {
            SERVERS.add(smtp.server());
            assertThat(smtp.sessions()).isEmpty();
            assertThat(noop(smtp)).isEqualTo("250 2.0.0 Ok");
            assertThat(smtp.host()).isEqualTo("127.0.0.1");
            assertThat(smtp.port()).isEqualTo(smtp.server().port());
        }
    }

    /**
     * Issue 19.2 as it happened: the first test's end of data is still held when it ends, and completes only in the
     * second test, after the extension's reset (the gate is released there, so the worst order is the only order).
     */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class HeldReplyOutlivesItsTest {

        @RegisterExtension
        static SmtpServerExtension smtp = new SmtpServerExtension();

        private static final Gate GATE = new Gate();
        private static CompletableFuture<String> lateReply;

        @Test
        @Order(1)
        void leavesAnEndOfDataHeld() {
            smtp.on(Verb.END_OF_DATA).holdUntil(GATE);
            SmtpServer server = smtp.server();
            lateReply = CompletableFuture.supplyAsync(() -> {
                try (RawClient client = RawClient.greeted(server.host(), server.port())) {
                    return client.startMessage("a@example.test", "b@example.test").sendData("first test's message");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            GATE.awaitArrival(Duration.ofSeconds(5));
        }

        @Test
        @Order(2)
        void neverSeesTheFirstTestsMessage() throws Exception {
            GATE.release();
            assertThat(lateReply.get(5, TimeUnit.SECONDS)).startsWith("250 2.0.0 Ok: queued as");
            assertThat(smtp.messages()).isEmpty();
            assertThat(smtp.sessions()).isEmpty();
        }
    }

    static class ServerPerTest {

        @RegisterExtension
        SmtpServerExtension smtp = new SmtpServerExtension();

        @Test
        void first() {
            SERVERS.add(smtp.server());
        }

        @Test
        void second() {
            SERVERS.add(smtp.server());
        }
    }

    static class WithBuilder {

        @RegisterExtension
        static SmtpServerExtension smtp = new SmtpServerExtension(SmtpServer.builder().hostname("custom.test"));

        @Test
        void greetsWithTheConfiguredHostname() throws IOException {
            SERVERS.add(smtp.server());
            try (RawClient client = RawClient.connect(smtp.server().host(), smtp.server().port())) {
                assertThat(client.readReply()).isEqualTo("220 custom.test ESMTP mail-outcome testkit");
            }
        }
    }

    static class WithNested {

        @RegisterExtension
        static SmtpServerExtension smtp = new SmtpServerExtension();

        @Test
        void outer() {
            SERVERS.add(smtp.server());
        }

        @Nested
        class Inner {

            @Test
            void inner() throws IOException {
                SERVERS.add(smtp.server());
                assertThat(noop(smtp)).isEqualTo("250 2.0.0 Ok");
            }
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstanceField {

        @RegisterExtension
        SmtpServerExtension smtp = new SmtpServerExtension();

        @Test
        void first() {
            SERVERS.add(smtp.server());
        }

        @Test
        void second() {
            SERVERS.add(smtp.server());
        }
    }
}
