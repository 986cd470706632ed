package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.net.SocketOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

/**
 * What the mailer's sockets ask of the system, recorded by a socket implementation that opens no connection: a
 * pipelined group leaves in one write followed by a request for quick ACKs (TCP_QUICKACK: without it a server that
 * answers the group one reply at a time with Nagle's algorithm on waits for the delayed ACK, about 40 ms per message
 * on Linux), and a system without the option, or a socket closing, fails no write.
 */
class WatchedSocketFactoryTest {
    private static final String GROUP = "MAIL FROM:<s@client.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\n";

    /** How the fake answers a TCP_QUICKACK request. */
    private enum QuickAck { SUPPORTED, UNSUPPORTED, CLOSING }

    /**
     * A socket implementation that records writes and options instead of doing them; flushes are not seen (the JDK's
     * socket stream over it does not pass them on).
     */
    private static final class RecordingImpl extends SocketImpl {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final QuickAck quickAck;

        RecordingImpl(QuickAck quickAck) {
            this.quickAck = quickAck;
        }

        @Override
        protected <T> void setOption(SocketOption<T> name, T value) throws IOException {
            if (name != ExtendedSocketOptions.TCP_QUICKACK) {
                super.setOption(name, value);
            } else if (quickAck == QuickAck.UNSUPPORTED) {
                events.add(name.name() + " unsupported");
                super.setOption(name, value); // the JDK's answer for an option this implementation lacks: UOE
            } else if (quickAck == QuickAck.CLOSING) {
                events.add(name.name() + " refused");
                throw new SocketException("Socket closed");
            } else {
                events.add(name.name() + "=" + value);
            }
        }

        @Override
        public void setOption(int optID, Object value) {
            if (optID == SocketOptions.TCP_NODELAY) events.add("TCP_NODELAY=" + value);
        }

        @Override
        public Object getOption(int optID) {
            return null;
        }

        @Override
        protected OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) {
                    events.add("write " + (char) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    events.add("write " + new String(b, off, len, StandardCharsets.US_ASCII));
                }
            };
        }

        @Override
        protected void create(boolean stream) {
        }

        @Override
        protected void connect(SocketAddress address, int timeout) {
            events.add("connect");
        }

        @Override
        protected void connect(String host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void connect(InetAddress address, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void bind(InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void listen(int backlog) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void accept(SocketImpl s) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        protected int available() {
            return 0;
        }

        @Override
        protected void close() {
            events.add("close");
        }

        @Override
        protected void sendUrgentData(int data) {
            throw new UnsupportedOperationException();
        }
    }

    /** A connected socket of the factory over {@code impl}, with its events so far forgotten. */
    private static Socket socket(RecordingImpl impl) throws IOException {
        Socket socket = new WatchedSocketFactory(Duration.ofSeconds(30), () -> impl).createSocket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 25));
        assertThat(impl.events).containsExactly("TCP_NODELAY=true", "connect");
        impl.events.clear();
        return socket;
    }

    /** Writes the group as Angus writes commands, one write and one flush each, corked. */
    private static void writeGroup(OutputStream out) throws IOException {
        WatchedSocketFactory.corked(() -> {
            for (String command : GROUP.split("(?<=\r\n)")) {
                out.write(command.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        });
    }

    @Test
    void aPipelinedGroupIsOneWriteThenAQuickAckRequest() throws IOException {
        RecordingImpl impl = new RecordingImpl(QuickAck.SUPPORTED);
        try (Socket socket = socket(impl)) {
            writeGroup(socket.getOutputStream());
            assertThat(impl.events).containsExactly("write " + GROUP, "TCP_QUICKACK=true");
        }
    }

    @Test
    void everyGroupAsksForQuickAcksAgain() throws IOException {
        // Linux clears quick-ACK mode on its own, so one request at connect would not do.
        RecordingImpl impl = new RecordingImpl(QuickAck.SUPPORTED);
        try (Socket socket = socket(impl)) {
            writeGroup(socket.getOutputStream());
            writeGroup(socket.getOutputStream());
            assertThat(impl.events).filteredOn(e -> e.startsWith("TCP_QUICKACK")).hasSize(2);
        }
    }

    @Test
    void aCommandWrittenOnItsOwnAsksForNoQuickAck() throws IOException {
        RecordingImpl impl = new RecordingImpl(QuickAck.SUPPORTED);
        try (Socket socket = socket(impl)) {
            socket.getOutputStream().write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(impl.events).containsExactly("write EHLO client.test\r\n");
        }
    }

    @Test
    void withoutQuickAckSupportTheGroupIsWrittenAndNothingFails() throws IOException {
        RecordingImpl impl = new RecordingImpl(QuickAck.UNSUPPORTED);
        try (Socket socket = socket(impl)) {
            writeGroup(socket.getOutputStream());
            writeGroup(socket.getOutputStream());
            assertThat(impl.events).containsExactly("write " + GROUP, "TCP_QUICKACK unsupported",
                    "write " + GROUP, "TCP_QUICKACK unsupported");
        }
    }

    @Test
    void aQuickAckRefusedByAClosingSocketFailsNoWrite() throws IOException {
        RecordingImpl impl = new RecordingImpl(QuickAck.CLOSING);
        try (Socket socket = socket(impl)) {
            writeGroup(socket.getOutputStream());
            assertThat(impl.events).containsExactly("write " + GROUP, "TCP_QUICKACK refused");
        }
    }
}
