package org.mailoutcome.testsupport;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** A bare SMTP client over a socket: send a line, read a whole (multi-line) reply. Reads time out after 5 s. */
public final class RawClient implements AutoCloseable {

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private RawClient(Socket socket) throws IOException {
        use(socket);
    }

    public static RawClient connect(String host, int port) throws IOException {
        Socket socket = new Socket(host, port);
        socket.setSoTimeout(5000);
        return new RawClient(socket);
    }

    /** Connects and reads the greeting. */
    public static RawClient greeted(String host, int port) throws IOException {
        RawClient client = connect(host, port);
        client.readReply();
        return client;
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = new BufferedInputStream(s.getInputStream());
        out = s.getOutputStream();
    }

    public void readTimeout(java.time.Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** Sends one command line and returns the reply, lines joined by "\n". */
    public String send(String line) throws IOException {
        write(line + "\r\n");
        return readReply();
    }

    public void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the bytes as they are, in one write. */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * The bytes of one BDAT command (RFC 3030) and its chunk: {@code BDAT <size>[ LAST]} CRLF, then the octets as
     * they are. To pipeline chunks with other commands, concatenate them and {@link #write(byte[])} them at once.
     */
    public static byte[] bdat(byte[] chunk, boolean last) {
        byte[] line = ("BDAT " + chunk.length + (last ? " LAST" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(line, line.length + chunk.length);
        System.arraycopy(chunk, 0, bytes, line.length, chunk.length);
        return bytes;
    }

    /** Writes one BDAT command with its chunk in one write, without reading the reply. */
    public void writeChunk(byte[] chunk, boolean last) throws IOException {
        write(bdat(chunk, last));
    }

    /** Sends one BDAT command with its chunk and returns the reply. */
    public String sendChunk(byte[] chunk, boolean last) throws IOException {
        writeChunk(chunk, last);
        return readReply();
    }

    /** {@link #sendChunk(byte[], boolean)} for a chunk of text, encoded as UTF-8. */
    public String sendChunk(String chunk, boolean last) throws IOException {
        return sendChunk(chunk.getBytes(StandardCharsets.UTF_8), last);
    }

    /** Reads lines until one whose fourth character is not a dash. */
    public String readReply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine();
            lines.add(line);
        } while (line.length() >= 4 && line.charAt(3) == '-');
        return String.join("\n", lines);
    }

    /** Reads one line without its CRLF (or bare LF). */
    public String readLine() throws IOException {
        byte[] bytes = readLineBytes();
        int end = bytes.length - 1;
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** Reads one line with its terminator. */
    public byte[] readLineBytes() throws IOException {
        byte[] line = new byte[256];
        int size = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (size == line.length) {
                line = Arrays.copyOf(line, size * 2);
            }
            line[size++] = (byte) b;
            if (b == '\n') {
                return Arrays.copyOf(line, size);
            }
        }
        throw new EOFException("connection closed after " + size + " bytes: "
                + new String(line, 0, size, StandardCharsets.UTF_8));
    }

    /** Reads everything up to the end of the stream. */
    public byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    /** Tells whether the server has closed the connection (waits up to the read timeout). */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Sends the message data with the terminating dot line and returns the reply. */
    public String sendData(String data) throws IOException {
        write(data + "\r\n.\r\n");
        return readReply();
    }

    /** Does EHLO, MAIL FROM and one RCPT TO and DATA, checking each is accepted. */
    public RawClient startMessage(String from, String to) throws IOException {
        startTransaction(from, to);
        expect(send("DATA"), "354");
        return this;
    }

    /** Does EHLO, MAIL FROM and one RCPT TO, checking each is accepted: ready for DATA or BDAT. */
    public RawClient startTransaction(String from, String to) throws IOException {
        expect(send("EHLO client.test"), "250");
        expect(send("MAIL FROM:<" + from + ">"), "250");
        expect(send("RCPT TO:<" + to + ">"), "250");
        return this;
    }

    private static void expect(String reply, String code) {
        if (!reply.startsWith(code)) {
            throw new AssertionError("expected " + code + " but got: " + reply);
        }
    }

    public void startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        use(tls);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
