package org.mailoutcome.jakarta.internal.wire;

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
import java.net.StandardSocketOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A socket implementation that opens no connection: it records writes and options instead of doing them (flushes
 * are not seen: the JDK's socket stream over it does not pass them on), and can refuse the quick-ACK option or
 * block every write until it is closed.
 */
final class FakeSocketImpl extends SocketImpl {
    /** How the fake answers a TCP_QUICKACK request. */
    enum QuickAckAnswer { SUPPORTED, UNSUPPORTED, CLOSING }

    final List<String> events = new CopyOnWriteArrayList<>();
    private final QuickAckAnswer quickAck;
    private final boolean blockWrites;
    private final CountDownLatch closed = new CountDownLatch(1);

    FakeSocketImpl(QuickAckAnswer quickAck, boolean blockWrites) {
        this.quickAck = quickAck;
        this.blockWrites = blockWrites;
    }

    /** A connected socket over a new fake, with its events so far forgotten. */
    static Socket connected(FakeSocketImpl impl) throws IOException {
        Socket socket = new Socket(impl) {
        };
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 25));
        impl.events.clear();
        return socket;
    }

    @Override
    protected Set<SocketOption<?>> supportedOptions() {
        return quickAck == QuickAckAnswer.UNSUPPORTED ? Set.of(StandardSocketOptions.TCP_NODELAY)
                : Set.of(StandardSocketOptions.TCP_NODELAY, QuickAck.option().orElseThrow());
    }

    @Override
    protected <T> void setOption(SocketOption<T> name, T value) throws IOException {
        if (!name.equals(QuickAck.option().orElse(null))) {
            super.setOption(name, value);
        } else if (quickAck == QuickAckAnswer.CLOSING) {
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
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (blockWrites) {
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new SocketException("Socket closed");
                }
                events.add("write " + new String(b, off, len, StandardCharsets.US_ASCII));
            }
        };
    }

    @Override
    protected void create(boolean stream) {
    }

    @Override
    protected void connect(SocketAddress address, int timeout) {
        this.address = ((InetSocketAddress) address).getAddress();
        this.port = ((InetSocketAddress) address).getPort();
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
        closed.countDown();
    }

    @Override
    protected void sendUrgentData(int data) {
        throw new UnsupportedOperationException();
    }
}
