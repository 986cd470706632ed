package org.mailoutcome.jakarta.internal.wire;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.util.PropUtil;
import org.eclipse.angus.mail.util.SocketConnectException;

/**
 * Where and how one connection goes, read from the session as Angus reads it.
 *
 * @param host the server's name, as configured
 * @param port the server's port
 * @param connectTimeout {@code connectiontimeout} in ms, -1 for none
 * @param readTimeout {@code timeout} in ms, -1 for none
 * @param local {@code localaddress}/{@code localport} to bind, if set
 * @param httpProxy {@code proxy.host}/{@code .port}, if set (it wins over SOCKS, as in Angus)
 * @param socks {@code socks.host}/{@code .port}, if set
 * @param proxyUser {@code proxy.user}, or null
 * @param proxyPassword {@code proxy.password}, or null
 * @param channels {@code usesocketchannels}
 */
record Endpoint(String host, int port, int connectTimeout, int readTimeout, Optional<InetSocketAddress> local,
        Optional<InetSocketAddress> httpProxy, Optional<InetSocketAddress> socks, String proxyUser,
        String proxyPassword, boolean channels) {

    /** The endpoint of {@code prefix} ({@code "mail.smtp"}); {@code ssl}: TLS from the first byte (port 465). */
    static Endpoint of(Properties props, String prefix, boolean ssl) throws IOException {
        String host = props.getProperty(prefix + ".host");
        if (host == null || host.isEmpty()) host = props.getProperty("mail.host");
        if (host == null || host.isEmpty()) host = "localhost";
        int port = PropUtil.getIntProperty(props, prefix + ".port", -1);
        if (port == -1) port = ssl ? 465 : 25;
        String localAddress = props.getProperty(prefix + ".localaddress");
        Optional<InetSocketAddress> local = localAddress == null ? Optional.empty()
                : Optional.of(new InetSocketAddress(InetAddress.getByName(localAddress),
                        PropUtil.getIntProperty(props, prefix + ".localport", 0)));
        Optional<InetSocketAddress> http = hostAndPort(props, prefix + ".proxy", 80);
        Optional<InetSocketAddress> socks = http.isPresent() ? Optional.empty() : hostAndPort(props, prefix + ".socks", 1080);
        return new Endpoint(host, port, PropUtil.getIntProperty(props, prefix + ".connectiontimeout", -1),
                PropUtil.getIntProperty(props, prefix + ".timeout", -1), local, http, socks,
                props.getProperty(prefix + ".proxy.user"), props.getProperty(prefix + ".proxy.password"),
                PropUtil.getBooleanProperty(props, prefix + ".usesocketchannels", false));
    }

    /** {@code KEY.host} ({@code host[:port]}) with {@code KEY.port}, unresolved, if the host is set. */
    private static Optional<InetSocketAddress> hostAndPort(Properties props, String key, int defaultPort) {
        String host = props.getProperty(key + ".host");
        if (host == null) return Optional.empty();
        int port = defaultPort;
        int colon = host.indexOf(':');
        if (colon >= 0) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                // as Angus: the default port
            }
            host = host.substring(0, colon);
        }
        return Optional.of(InetSocketAddress.createUnresolved(host, PropUtil.getIntProperty(props, key + ".port", port)));
    }

    /** The same endpoint at the port a socket factory connects to ({@code socketFactory.port}), if set. */
    Endpoint viaFactory(Properties props, String prefix, boolean ssl) {
        int factoryPort = -1;
        if (ssl && (props.get(prefix + ".ssl.socketFactory") != null
                || props.getProperty(prefix + ".ssl.socketFactory.class") != null)) {
            factoryPort = PropUtil.getIntProperty(props, prefix + ".ssl.socketFactory.port", -1);
        } else {
            factoryPort = PropUtil.getIntProperty(props, prefix + ".socketFactory.port", -1);
        }
        return factoryPort == -1 ? this : new Endpoint(host, factoryPort, connectTimeout, readTimeout, local, httpProxy,
                socks, proxyUser, proxyPassword, channels);
    }

    /** A socket to connect when no factory makes it: through SOCKS, a socket channel's, or a plain one. */
    Socket plainSocket() throws IOException {
        if (socks.isPresent()) {
            InetSocketAddress s = socks.get();
            return new Socket(new Proxy(Proxy.Type.SOCKS, new InetSocketAddress(s.getHostString(), s.getPort())));
        }
        return channels ? SocketChannel.open().socket() : new Socket();
    }

    /**
     * Connects {@code socket} here (through the HTTP proxy's tunnel if one is set), with the read timeout set.
     *
     * @throws SocketConnectException when it could not connect, naming where it tried
     */
    void connect(Socket socket) throws IOException {
        if (readTimeout >= 0) socket.setSoTimeout(readTimeout);
        if (local.isPresent()) socket.bind(local.get());
        InetSocketAddress target = httpProxy.map(p -> new InetSocketAddress(p.getHostString(), p.getPort()))
                .orElseGet(() -> new InetSocketAddress(host, port));
        try {
            socket.connect(target, Math.max(connectTimeout, 0));
            if (httpProxy.isPresent()) HttpTunnel.open(socket, host, port, proxyUser, proxyPassword);
        } catch (IOException e) {
            String via = httpProxy.map(p -> "Using web proxy host, port: " + p.getHostString() + ", " + p.getPort())
                    .or(() -> socks.map(p -> "Using SOCKS host, port: " + p.getHostString() + ", " + p.getPort()))
                    .orElse(null);
            throw new SocketConnectException(via, e, host, port, connectTimeout);
        }
    }

    @Override
    public String toString() {
        return "Endpoint[" + host + ":" + port + "]"; // never the proxy password
    }
}
