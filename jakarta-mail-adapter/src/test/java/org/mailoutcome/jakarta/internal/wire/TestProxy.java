package org.mailoutcome.jakarta.internal.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mailoutcome.testsupport.Relay;

/**
 * A minimal proxy on loopback, HTTP {@code CONNECT} or SOCKS 5 (no authentication, RFC 1928), that relays to where
 * the client asks and records what it was asked: enough to show that the mailer's connections go through the proxy
 * a session names.
 */
final class TestProxy implements AutoCloseable {
    /** The kind of proxy. */
    enum Kind { HTTP, SOCKS5 }

    final List<String> requests = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Kind kind;

    TestProxy(Kind kind) throws IOException {
        this.kind = kind;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "test-proxy");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "test-proxy-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            Socket target = kind == Kind.HTTP ? http(client) : socks(client);
            Relay.between(client, target);
        } catch (IOException e) {
            Relay.closeQuietly(client);
        }
    }

    /** Reads the CONNECT request up to its empty line, connects, answers 200. */
    private Socket http(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed");
            head.write(b);
        }
        String request = head.toString(StandardCharsets.ISO_8859_1);
        requests.add(request);
        String[] target = request.split(" ")[1].split(":");
        Socket socket = new Socket(target[0], Integer.parseInt(target[1]));
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        return socket;
    }

    /** RFC 1928: no authentication, CONNECT to an IPv4 address or a domain name. */
    private Socket socks(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        in.readFully(new byte[in.readUnsignedByte() == 5 ? in.readUnsignedByte() : 0]);
        out.write(new byte[] {5, 0});
        byte[] head = new byte[4];
        in.readFully(head);
        String host;
        if (head[3] == 1) {
            byte[] address = new byte[4];
            in.readFully(address);
            host = InetAddress.getByAddress(address).getHostAddress();
        } else {
            byte[] name = new byte[in.readUnsignedByte()];
            in.readFully(name);
            host = new String(name, StandardCharsets.US_ASCII);
        }
        int port = in.readUnsignedShort();
        requests.add("CONNECT " + host + ":" + port);
        Socket socket = new Socket(host, port);
        out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
        return socket;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
