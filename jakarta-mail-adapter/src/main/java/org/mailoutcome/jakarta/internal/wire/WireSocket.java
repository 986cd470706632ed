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
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.Set;

/**
 * A connection the mailer opened itself, handed to Angus with {@code SMTPTransport.connect(Socket)}: it delegates to
 * the socket the session's settings made (the user's socket factory, a SOCKS or HTTP proxy, a socket channel, or a
 * plain socket) and adds what the mailer needs of every connection, whoever made the socket: {@code TCP_NODELAY},
 * writes held back and written in one ({@link #hold()}, {@link #release()}), a quick-ACK request after each such
 * write, and a write timeout ({@link Watchdog}). TLS (STARTTLS, or SMTPS) is layered over it and writes through it;
 * {@link #applicationOutput()} is the stream above TLS, for the message content the mailer writes itself.
 *
 * <p>It names the configured host: Angus takes the host of a socket given to it from {@link #getInetAddress()}
 * ({@code getHostName()}) and checks the server's certificate against that name at STARTTLS, so a proxy's address
 * or a reverse lookup must not stand in for it. Confined to the thread that holds the connection, but for
 * {@link #close()}, which the watchdog may call.
 */
public final class WireSocket extends Socket {
    private final Socket inner;
    private final InetAddress peer;
    private final int port;
    private final HeldOutput out;
    private final Optional<Watchdog.Watch> watch;
    private volatile Socket tls;

    /** Wraps the connected {@code inner}, which reaches {@code host:port}, watched by {@code watchdog} if any. */
    WireSocket(Socket inner, String host, int port, Optional<Watchdog> watchdog) throws IOException {
        super((SocketImpl) null);
        this.inner = inner;
        this.port = port;
        InetAddress address = inner.getInetAddress();
        this.peer = InetAddress.getByAddress(host, address == null ? new byte[] {0, 0, 0, 0} : address.getAddress());
        try {
            inner.setTcpNoDelay(true);
        } catch (SocketException e) {
            // a socket that cannot say (some user factories): Nagle's algorithm stays as it was
        }
        boolean quickAck = QuickAck.isSupportedBy(inner);
        this.out = new HeldOutput(inner.getOutputStream(), quickAck ? () -> QuickAck.request(inner) : () -> { });
        this.watch = watchdog.map(w -> w.watch(out::writeStarted, inner, inner::isClosed));
    }

    /** Holds writes back until {@link #release()} (see {@link HeldOutput}). */
    public void hold() {
        out.hold();
    }

    /** Writes what was held in one write. */
    public void release() throws IOException {
        out.release();
    }

    /** Forgets what was held: the connection is being closed. */
    public void discardHeld() {
        out.discard();
    }

    /** The TLS socket layered over this one, set by the layering factory. */
    void layeredBy(Socket tls) {
        this.tls = tls;
    }

    /** The stream below SMTP: the TLS socket's output when TLS is on, else this socket's own. */
    public OutputStream applicationOutput() throws IOException {
        Socket layer = tls;
        return layer == null ? out : layer.getOutputStream();
    }

    /** The socket the session's settings made (for tests). */
    Socket inner() {
        return inner;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (isClosed()) throw new SocketException("Socket is closed");
        return out;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return inner.getInputStream();
    }

    @Override
    public InetAddress getInetAddress() {
        return peer;
    }

    @Override
    public int getPort() {
        return port;
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return new InetSocketAddress(peer, port);
    }

    @Override
    public void close() throws IOException {
        watch.ifPresent(Watchdog.Watch::cancel);
        inner.close();
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        throw new SocketException("already connected");
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        throw new SocketException("already bound");
    }

    @Override
    public InetAddress getLocalAddress() {
        return inner.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return inner.getLocalPort();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return inner.getLocalSocketAddress();
    }

    @Override
    public SocketChannel getChannel() {
        return null; // writes must go through this socket's streams
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        inner.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return inner.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        inner.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return inner.getSoLinger();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        inner.sendUrgentData(data);
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        inner.setOOBInline(on);
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return inner.getOOBInline();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        inner.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return inner.getSoTimeout();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        inner.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return inner.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        inner.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return inner.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        inner.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return inner.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        inner.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return inner.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        inner.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return inner.getReuseAddress();
    }

    @Override
    public void shutdownInput() throws IOException {
        inner.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        inner.shutdownOutput();
    }

    @Override
    public boolean isConnected() {
        return inner.isConnected();
    }

    @Override
    public boolean isBound() {
        return inner.isBound();
    }

    @Override
    public boolean isClosed() {
        return inner.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return inner.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return inner.isOutputShutdown();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        inner.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        inner.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return inner.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return inner.supportedOptions();
    }

    @Override
    public String toString() {
        return "WireSocket[" + peer.getHostName() + ":" + port + " over " + inner + "]";
    }
}
