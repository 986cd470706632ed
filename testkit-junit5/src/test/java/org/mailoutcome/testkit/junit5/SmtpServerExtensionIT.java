package org.mailoutcome.testkit.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.mailoutcome.testkit.SmtpServer;

/** The extension's lifecycle, checked by running the classes in {@link ExtensionSamples}. */
class SmtpServerExtensionIT {

    @BeforeEach
    void forgetServers() {
        ExtensionSamples.SERVERS.clear();
    }

    private static void runAndExpectSuccess(Class<?> testClass, int tests) {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
        List<Throwable> failures = events.failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
                .map(r -> r.getThrowable().orElseThrow()).toList();
        assertThat(failures).isEmpty();
        assertThat(events.succeeded().count()).isEqualTo(tests);
    }

    private static void assertClosed(SmtpServer server) {
        assertThatThrownBy(() -> new Socket(server.host(), server.port()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void staticExtensionSharesOneServerPerClassResetBeforeEachTest() {
        runAndExpectSuccess(ExtensionSamples.SharedServer.class, 2);
        List<SmtpServer> servers = ExtensionSamples.SERVERS;
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0)).isSameAs(servers.get(1));
        assertClosed(servers.get(0));
    }

    @Test
    void messageHeldPastTheEndOfOneTestIsNotRecordedInTheNext() {
        runAndExpectSuccess(ExtensionSamples.HeldReplyOutlivesItsTest.class, 2);
    }

    @Test
    void instanceExtensionStartsAndClosesAServerPerTest() {
        runAndExpectSuccess(ExtensionSamples.ServerPerTest.class, 2);
        List<SmtpServer> servers = ExtensionSamples.SERVERS;
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0)).isNotSameAs(servers.get(1));
        servers.forEach(SmtpServerExtensionIT::assertClosed);
    }

    @Test
    void builderOptionsApplyToTheExtensionsServer() {
        runAndExpectSuccess(ExtensionSamples.WithBuilder.class, 1);
        assertClosed(ExtensionSamples.SERVERS.get(0));
    }

    @Test
    void nestedClassesShareTheOuterClassServer() {
        runAndExpectSuccess(ExtensionSamples.WithNested.class, 2);
        List<SmtpServer> servers = ExtensionSamples.SERVERS;
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0)).isSameAs(servers.get(1));
        assertClosed(servers.get(0));
    }

    @Test
    void instanceExtensionWithPerClassLifecycleSharesOneServer() {
        runAndExpectSuccess(ExtensionSamples.PerClassInstanceField.class, 2);
        List<SmtpServer> servers = ExtensionSamples.SERVERS;
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0)).isSameAs(servers.get(1));
        assertClosed(servers.get(0));
    }

    @Test
    void serverOutsideATestIsRefused() {
        SmtpServerExtension extension = new SmtpServerExtension();
        assertThatThrownBy(extension::server).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no server is running");
    }
}
