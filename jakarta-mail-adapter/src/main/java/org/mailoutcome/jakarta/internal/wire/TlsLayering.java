package org.mailoutcome.jakarta.internal.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.util.MailSSLSocketFactory;

/**
 * The SSL socket factory of the mailer's sessions ({@code mail.<protocol>.ssl.socketFactory}): it makes every TLS
 * socket with the factory Angus would have chosen from the caller's settings and tells the {@link WireSocket}
 * below which TLS socket now sits on it. Angus's {@code SocketFetcher.startTLS} then does with that socket what it
 * always does (protocols, cipher suites, server identity, handshake, host name verifier).
 *
 * <p>The choice, as {@code SocketFetcher} makes it: for STARTTLS the first SSL factory among
 * {@code ssl.socketFactory} and {@code socketFactory} (instance, else {@code .class}), else {@code ssl.trust},
 * else the JDK's default; for TLS from the first byte (SMTPS, {@code ssl.enable}) {@code ssl.trust} first, then
 * the factory the connection was made with if it is an SSL one, else the default. With {@code ssl.trust} this is
 * Angus's own {@link MailSSLSocketFactory} with those hosts trusted: that is why this class extends it, as Angus
 * checks {@code isServerTrusted} only on a {@code MailSSLSocketFactory}.
 */
final class TlsLayering extends MailSSLSocketFactory {
    private final Choice choice;
    private final Optional<String> trust;
    /** The factory chosen at the first socket; empty: this one's own part ({@code ssl.trust}); null: not yet. */
    private volatile Optional<SSLSocketFactory> chosen;

    /** The caller's own SSL factory for these connections, if any. */
    @FunctionalInterface
    private interface Choice {
        Optional<SSLSocketFactory> factory() throws IOException;
    }

    private TlsLayering(Choice choice, Optional<String> trust) throws GeneralSecurityException {
        this.choice = choice;
        this.trust = trust;
    }

    /** For STARTTLS on connections of {@code prefix} ({@code "mail.smtp"}), from the caller's settings. */
    static TlsLayering forStartTls(Properties props, String prefix) throws GeneralSecurityException {
        return new TlsLayering(() -> {
            Optional<SSLSocketFactory> own = ssl(SocketFactories.named(props, prefix + ".ssl.socketFactory"));
            return own.isPresent() ? own : ssl(SocketFactories.named(props, prefix + ".socketFactory"));
        }, Optional.ofNullable(props.getProperty(prefix + ".ssl.trust")));
    }

    /** For TLS from the first byte over a connection made with {@code madeWith} (empty: a plain socket). */
    static TlsLayering forFirstByte(Properties props, String prefix, Optional<SocketFactory> madeWith)
            throws GeneralSecurityException {
        Optional<String> trust = Optional.ofNullable(props.getProperty(prefix + ".ssl.trust"));
        return new TlsLayering(() -> trust.isPresent() ? Optional.empty() : ssl(madeWith), trust);
    }

    private static Optional<SSLSocketFactory> ssl(Optional<SocketFactory> factory) {
        return factory.filter(SSLSocketFactory.class::isInstance).map(SSLSocketFactory.class::cast);
    }

    /**
     * The factory that makes the sockets, chosen once: the caller's; else, with {@code ssl.trust}, this one's
     * {@code MailSSLSocketFactory} part with those hosts trusted (empty); else the JDK's default.
     */
    private Optional<SSLSocketFactory> delegate() throws IOException {
        Optional<SSLSocketFactory> known = chosen;
        if (known != null) return known;
        Optional<SSLSocketFactory> made = choice.factory();
        if (made.isEmpty() && trust.isPresent()) {
            if (trust.get().equals("*")) setTrustAllHosts(true);
            else setTrustedHosts(trust.get().split("\\s+"));
        } else if (made.isEmpty()) {
            made = Optional.of((SSLSocketFactory) SSLSocketFactory.getDefault());
        }
        chosen = made;
        return made;
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        Optional<SSLSocketFactory> delegate = delegate();
        Socket tls = delegate.isEmpty() ? super.createSocket(socket, host, port, autoClose)
                : delegate.get().createSocket(socket, host, port, autoClose);
        if (socket instanceof WireSocket wire) wire.layeredBy(tls);
        return tls;
    }

    @Override
    public Socket createSocket() throws IOException {
        Optional<SSLSocketFactory> delegate = delegate();
        return delegate.isEmpty() ? super.createSocket() : delegate.get().createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Optional<SSLSocketFactory> delegate = delegate();
        return delegate.isEmpty() ? super.createSocket(host, port) : delegate.get().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        Optional<SSLSocketFactory> delegate = delegate();
        return delegate.isEmpty() ? super.createSocket(host, port, local, localPort)
                : delegate.get().createSocket(host, port, local, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Optional<SSLSocketFactory> delegate = delegate();
        return delegate.isEmpty() ? super.createSocket(host, port) : delegate.get().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        Optional<SSLSocketFactory> delegate = delegate();
        return delegate.isEmpty() ? super.createSocket(host, port, local, localPort)
                : delegate.get().createSocket(host, port, local, localPort);
    }

    @Override
    public String[] getDefaultCipherSuites() {
        Optional<SSLSocketFactory> delegate = chosen;
        return delegate == null || delegate.isEmpty() ? super.getDefaultCipherSuites()
                : delegate.get().getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        Optional<SSLSocketFactory> delegate = chosen;
        return delegate == null || delegate.isEmpty() ? super.getSupportedCipherSuites()
                : delegate.get().getSupportedCipherSuites();
    }

    @Override
    public String toString() {
        Optional<SSLSocketFactory> delegate = chosen;
        return "mail-outcome TLS layering over " + (delegate == null ? "the session's choice"
                : delegate.map(Object::toString).orElse("ssl.trust"));
    }
}
