package org.mailoutcome.jakarta.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailoutcome.jakarta.internal.wire.FakeSocketImpl.QuickAckAnswer;

/**
 * What the mailer's connections ask of the system, whoever made the socket, recorded by a socket implementation that
 * opens no connection: a held transaction leaves in one write followed by a request for quick ACKs (without it a
 * server that answers the group one reply at a time with Nagle's algorithm on waits for the delayed ACK, about 40 ms
 * per message on Linux), TCP_NODELAY is on, a system without the option or a socket closing fails no write, and a
 * write blocked longer than the write timeout is ended by closing the connection.
 */
class WireSocketTest {
    private static final String GROUP = "MAIL FROM:<s@client.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\n";

    private static WireSocket wire(FakeSocketImpl impl) throws IOException {
        return new WireSocket(FakeSocketImpl.connected(impl), "mx.example.test", 25, Optional.empty());
    }

    /** Writes the group as Angus writes commands, one write and one flush each, held. */
    private static void writeGroup(WireSocket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        socket.hold();
        for (String command : GROUP.split("(?<=\r\n)")) {
            out.write(command.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        socket.release();
    }

    @Test
    void aHeldGroupIsOneWriteThenAQuickAckRequest() throws IOException {
        FakeSocketImpl impl = new FakeSocketImpl(QuickAckAnswer.SUPPORTED, false);
        try (WireSocket socket = wire(impl)) {
            assertThat(impl.events).containsExactly("TCP_NODELAY=true");
            impl.events.clear();
            writeGroup(socket);
            assertThat(impl.events).containsExactly("write " + GROUP, "TCP_QUICKACK=true");
        }
    }

    @Test
    void everyGroupAsksForQuickAcksAgain() throws IOException {
        // Linux clears quick-ACK mode on its own, so one request at connect would not do.
        FakeSocketImpl impl = new FakeSocketImpl(QuickAckAnswer.SUPPORTED, false);
        try (WireSocket socket = wire(impl)) {
            writeGroup(socket);
            writeGroup(socket);
            assertThat(impl.events).filteredOn(e -> e.startsWith("TCP_QUICKACK")).hasSize(2);
        }
    }

    @Test
    void aCommandWrittenOnItsOwnIsWrittenAtOnceAndAsksForNoQuickAck() throws IOException {
        FakeSocketImpl impl = new FakeSocketImpl(QuickAckAnswer.SUPPORTED, false);
        try (WireSocket socket = wire(impl)) {
            impl.events.clear();
            socket.getOutputStream().write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(impl.events).containsExactly("write EHLO client.test\r\n");
        }
    }

    @Test
    void withoutQuickAckSupportTheGroupIsWrittenAndNothingIsAsked() throws IOException {
        FakeSocketImpl impl = new FakeSocketImpl(QuickAckAnswer.UNSUPPORTED, false);
        try (WireSocket socket = wire(impl)) {
            impl.events.clear();
            writeGroup(socket);
            writeGroup(socket);
            assertThat(impl.events).containsExactly("write " + GROUP, "write " + GROUP);
        }
    }

    @Test
    void aQuickAckRefusedByAClosingSocketFailsNoWrite() throws IOException {
        FakeSocketImpl impl = new FakeSocketImpl(QuickAckAnswer.CLOSING, false);
        try (WireSocket socket = wire(impl)) {
            impl.events.clear();
            writeGroup(socket);
            assertThat(impl.events).containsExactly("write " + GROUP, "TCP_QUICKACK refused");
        }
    }

    @Test
    void discardedHeldWritesNeverReachTheConnection() throws IOException {
        FakeSocketImpl impl = new FakeSocketImpl(QuickAckAnswer.SUPPORTED, false);
        try (WireSocket socket = wire(impl)) {
            impl.events.clear();
            socket.hold();
            socket.getOutputStream().write("MAIL FROM:<s@client.test>\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.discardHeld();
            socket.getOutputStream().write("RSET\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(impl.events).containsExactly("write RSET\r\n");
        }
    }

    @Test
    void theSocketNamesTheConfiguredHostForAngusAndTheServerIdentityCheck() throws IOException {
        try (WireSocket socket = wire(new FakeSocketImpl(QuickAckAnswer.SUPPORTED, false))) {
            assertThat(socket.getInetAddress().getHostName()).isEqualTo("mx.example.test");
            assertThat(socket.getInetAddress().getAddress()).isEqualTo(new byte[] {127, 0, 0, 1});
            assertThat(socket.getPort()).isEqualTo(25);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void theApplicationOutputIsTheTlsLayersOnceOneSitsOnTheSocket() throws IOException {
        try (WireSocket socket = wire(new FakeSocketImpl(QuickAckAnswer.SUPPORTED, false));
                Socket tls = new Socket()) {
            assertThat(socket.applicationOutput()).isSameAs(socket.getOutputStream());
            socket.layeredBy(tls);
            assertThatThrownBy(socket::applicationOutput).as("the layer's own stream is asked for")
                    .isInstanceOf(SocketException.class);
        }
    }

    @Test
    void aWriteBlockedLongerThanTheWriteTimeoutIsEndedByClosingTheConnection() throws Exception {
        FakeSocketImpl impl = new FakeSocketImpl(QuickAckAnswer.SUPPORTED, true);
        Watchdog watchdog = new Watchdog(Duration.ofMillis(100));
        Socket inner = FakeSocketImpl.connected(impl);
        try (WireSocket socket = new WireSocket(inner, "mx.example.test", 25, Optional.of(watchdog))) {
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                try {
                    socket.getOutputStream().write(new byte[] {'x'});
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(SocketException.class);
            assertThat(inner.isClosed()).isTrue();
        }
    }
}
