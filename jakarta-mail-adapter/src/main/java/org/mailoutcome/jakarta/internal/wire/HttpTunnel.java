package org.mailoutcome.jakarta.internal.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An HTTP proxy's {@code CONNECT} tunnel ({@code mail.smtp.proxy.host}, {@code .port}, {@code .user},
 * {@code .password}), asked as Angus's {@code SocketFetcher} asks it: the request with {@code Host} (and
 * {@code Proxy-Authorization: Basic} when a user and password are set), then the proxy's reply, whose status must be
 * 200, read up to its empty line and no further: what follows is the SMTP server's greeting.
 */
final class HttpTunnel {
    private static final int MAX_REPLY = 16 * 1024;

    private HttpTunnel() {
    }

    /**
     * Asks the proxy that {@code socket} is connected to for a tunnel to {@code host:port}.
     *
     * @throws ConnectException when the proxy refuses, with its status line
     */
    static void open(Socket socket, String host, int port, String user, String password) throws IOException {
        StringBuilder request = new StringBuilder("CONNECT ").append(host).append(':').append(port)
                .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port).append("\r\n");
        if (user != null && password != null) {
            String token = Base64.getEncoder().encodeToString((user + ':' + password).getBytes(StandardCharsets.UTF_8));
            request.append("Proxy-Authorization: Basic ").append(token).append("\r\n");
        }
        request.append("Proxy-Connection: keep-alive\r\n\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        String status = readReply(socket.getInputStream());
        String[] parts = status.split("\\s+");
        if (parts.length < 2 || !parts[1].equals("200")) {
            throw new ConnectException("connection through proxy to " + host + ":" + port + " failed: " + status);
        }
    }

    /** The status line; the other lines are read up to the empty one, byte by byte (LF or CRLF ends a line). */
    private static String readReply(InputStream in) throws IOException {
        String status = null;
        int total = 0;
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) throw new ConnectException("the proxy closed the connection after " + status);
                if (b != '\r') line.write(b);
                if (++total > MAX_REPLY) throw new ConnectException("the proxy's reply is too long");
            }
            if (line.size() == 0) return status == null ? "" : status;
            if (status == null) status = line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
