package org.mailoutcome.jakarta.internal.wire;

import jakarta.mail.Session;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.util.PropUtil;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.eclipse.angus.mail.util.SocketFetcher;

/**
 * How the connections of one mailer are made: from the caller's session settings, as Angus's {@code SocketFetcher}
 * would make them, but by the mailer, so that each is a {@link WireSocket} it can write a transaction through in one
 * piece. Kept in the mailer's own session under {@link #PROPERTY}; the transport asks it for a socket and hands that
 * to Angus ({@code SMTPTransport.connect(Socket)}).
 *
 * <p>Honoured, with Angus's meaning: {@code mail.<protocol>.host} (else {@code mail.host}, else localhost) and
 * {@code .port} (25, or 465 with TLS from the first byte), {@code .socketFactory} and {@code .ssl.socketFactory}
 * (instances or {@code .class}), {@code .socketFactory.port}, {@code .ssl.socketFactory.port},
 * {@code .socketFactory.fallback}, {@code .ssl.enable}, {@code .ssl.trust}, {@code .ssl.protocols},
 * {@code .ssl.ciphersuites}, {@code .ssl.checkserveridentity}, {@code .ssl.hostnameverifier},
 * {@code .proxy.host/.port/.user/.password} (HTTP CONNECT), {@code .socks.host/.port}, {@code .localaddress},
 * {@code .localport}, {@code .connectiontimeout}, {@code .timeout}, {@code .usesocketchannels}; the write timeout is
 * the mailer's ({@link Watchdog}). STARTTLS stays Angus's: the session's {@code ssl.socketFactory} is a
 * {@link TlsLayering} that makes the TLS socket the caller's settings choose.
 */
public final class Wire {
    /** The session property that holds a session's wire. */
    public static final String PROPERTY = "mail-outcome.wire";

    private final Properties settings;
    private final Map<String, Optional<Watchdog>> watchdogs = new ConcurrentHashMap<>();
    private final Map<String, TlsLayering> startTls = new ConcurrentHashMap<>();

    /**
     * The wire of sessions with the caller's {@code settings} (copied); the write timeout of a protocol's connections
     * is its {@code mail.<protocol>.writetimeout} in ms (none when absent or not positive).
     */
    public Wire(Properties settings) {
        this.settings = new Properties();
        this.settings.putAll(settings);
    }

    /** The session's wire, if it has one (the mailer's own sessions do). */
    public static Optional<Wire> of(Session session) {
        return session.getProperties().get(PROPERTY) instanceof Wire wire ? Optional.of(wire) : Optional.empty();
    }

    /** The write timeout of {@code protocol}'s connections, if they have one. */
    public Optional<Duration> writeTimeout(String protocol) {
        return watchdog(protocol).map(Watchdog::timeout);
    }

    private Optional<Watchdog> watchdog(String protocol) {
        return watchdogs.computeIfAbsent(protocol, p -> {
            int millis = PropUtil.getIntProperty(settings, "mail." + p + ".writetimeout", -1);
            return millis > 0 ? Optional.of(new Watchdog(Duration.ofMillis(millis))) : Optional.empty();
        });
    }

    /**
     * The {@code mail.<protocol>.ssl.socketFactory} for the mailer's session: the caller's choice, telling each
     * connection which TLS socket sits on it.
     *
     * @throws IllegalStateException if Angus's trust-aware factory cannot be made (no TLS in this runtime)
     */
    public SSLSocketFactory startTlsFactory(String protocol) {
        return startTls.computeIfAbsent(protocol, p -> {
            try {
                return TlsLayering.forStartTls(settings, "mail." + p);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot set up TLS for mail." + p + ": " + e.getMessage(), e);
            }
        });
    }

    /** A connection, and the wire socket at its bottom (the same socket unless TLS is on from the first byte). */
    public record Opened(Socket socket, WireSocket wire) {
    }

    /**
     * Opens a connection for {@code protocol} ({@code "smtp"}, {@code "smtps"}); with TLS from the first byte
     * ({@code sslProtocol}, or {@code ssl.enable}) the TLS handshake is done too.
     *
     * @throws java.net.UnknownHostException when the host is unknown
     * @throws SocketConnectException when no connection could be made (refused, timed out, a proxy's refusal)
     * @throws IOException when TLS fails (handshake, certificate, server identity)
     */
    public Opened open(String protocol, boolean sslProtocol) throws IOException {
        String prefix = "mail." + protocol;
        boolean ssl = sslProtocol || PropUtil.getBooleanProperty(settings, prefix + ".ssl.enable", false);
        Endpoint endpoint = Endpoint.of(settings, prefix, ssl);
        boolean fallback = PropUtil.getBooleanProperty(settings, prefix + ".socketFactory.fallback", true);
        Optional<SocketFactory> factory = Optional.empty();
        Socket inner = null;
        try {
            factory = userFactory(prefix, ssl);
            if (factory.isPresent()) inner = connect(factory, endpoint.viaFactory(settings, prefix, ssl));
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (!fallback) throw e;
            factory = Optional.empty();
        }
        if (inner == null) inner = connect(Optional.empty(), endpoint);
        WireSocket wire;
        try {
            wire = new WireSocket(inner, endpoint.host(), endpoint.port(), watchdog(protocol));
        } catch (IOException | RuntimeException e) {
            inner.close();
            throw e;
        }
        boolean sslFactory = factory.isPresent() && factory.get() instanceof SSLSocketFactory;
        if ((!ssl && !sslFactory) || inner instanceof SSLSocket) return new Opened(wire, wire);
        return new Opened(firstByteTls(wire, prefix, endpoint.host(), factory), wire);
    }

    /** The factory Angus would make the connection with: with TLS {@code ssl.socketFactory} first. */
    private Optional<SocketFactory> userFactory(String prefix, boolean ssl) throws IOException {
        Optional<SocketFactory> own = ssl ? SocketFactories.named(settings, prefix + ".ssl.socketFactory")
                : Optional.empty();
        return own.isPresent() ? own : SocketFactories.named(settings, prefix + ".socketFactory");
    }

    /** TLS from the first byte, through Angus's own {@code startTLS} (choice of factory, checks, handshake). */
    private Socket firstByteTls(WireSocket wire, String prefix, String host, Optional<SocketFactory> madeWith)
            throws IOException {
        Properties view = new Properties();
        view.putAll(settings);
        try {
            view.put(prefix + ".ssl.socketFactory", TlsLayering.forFirstByte(settings, prefix, madeWith));
        } catch (GeneralSecurityException e) {
            wire.close();
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        return SocketFetcher.startTLS(wire, host, view, prefix);
    }

    /** A connected socket to the endpoint, made by {@code factory} unless it is empty or an SSL one. */
    private Socket connect(Optional<SocketFactory> factory, Endpoint endpoint) throws IOException {
        Socket socket = null;
        try {
            if (factory.isPresent() && !(factory.get() instanceof SSLSocketFactory)) {
                socket = factory.get().createSocket();
            }
        } catch (RuntimeException e) {
            throw new IOException("the socket factory failed: " + e, e);
        }
        if (socket == null) socket = endpoint.plainSocket();
        try {
            endpoint.connect(socket);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
