package org.mailoutcome.testkit.internal;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.mailoutcome.testkit.ReplyPackets;

/**
 * One client connection: buffered line and chunk reading, one flush per reply, and the STARTTLS upgrade. Used by the
 * session thread; only {@link #abort()} may be called from another thread.
 */
public final class Connection implements Closeable {

    /** The longest command line accepted, terminator included. */
    public static final int MAX_COMMAND_LENGTH = 64 * 1024;

    /** Bytes per write in {@link ReplyPackets#FRAGMENTED} mode. */
    private static final int FRAGMENT = 3;

    /** Bytes per read of a {@code BDAT} chunk. */
    private static final int CHUNK_BUFFER = 8192;

    private final Socket raw;
    private final ReplyPackets packets;
    private Socket socket;
    private LineReader reader;
    private OutputStream out;
    /** Whether input was waiting when the last read ended. */
    private boolean leftover;
    private boolean lastCommandBuffered;

    /**
     * Wraps an accepted socket.
     *
     * @param socket the socket
     * @param readTimeout how long a read may block
     * @param packets how replies are written
     * @throws IOException if the socket cannot be set up
     */
    public Connection(Socket socket, Duration readTimeout, ReplyPackets packets) throws IOException {
        this.raw = socket;
        this.packets = packets;
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
        socket.setTcpNoDelay(true);
        use(socket);
    }

    private void use(Socket s) throws IOException {
        this.socket = s;
        this.reader = new LineReader(s.getInputStream());
        this.out = new BufferedOutputStream(s.getOutputStream(), 8192);
        this.leftover = false;
    }

    /**
     * Reads one command line.
     *
     * @return the line without its line ending, decoded as UTF-8; empty at end of stream
     * @throws IOException if reading fails or the line is too long
     */
    public Optional<String> readCommand() throws IOException {
        flushBeforeWaiting();
        lastCommandBuffered = leftover;
        Optional<String> line = reader.readLine(MAX_COMMAND_LENGTH).map(Connection::decode);
        noteLeftover();
        return line;
    }

    private static String decode(byte[] line) {
        int end = line.length;
        if (end > 0 && line[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && line[end - 1] == '\r') {
            end--;
        }
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Tells whether the last command read had already arrived when the read before it ended, before the server
     * answered that one: the client sent it without waiting for a reply (pipelining, RFC 2920).
     *
     * @return {@code true} if it came in the same flight as what was read before it
     */
    public boolean lastCommandWasBuffered() {
        return lastCommandBuffered;
    }

    private void noteLeftover() {
        leftover = hasLeftover();
    }

    /**
     * Reads message data up to the terminating dot line.
     *
     * @param limit the size limit: bytes past it are counted but not kept
     * @return the data; empty when the connection ended first
     * @throws IOException if reading fails
     */
    public Optional<MessageData> readData(long limit) throws IOException {
        flushBeforeWaiting();
        Optional<MessageData> data = MessageData.read(reader, limit);
        noteLeftover();
        return data;
    }

    /**
     * Reads the octets of one {@code BDAT} chunk as they are: no line structure, no dot-unstuffing. Held replies are
     * written before every read that would wait for the client, as Postfix flushes before it waits.
     *
     * @param size how many octets the chunk has
     * @param limit how many of them to keep: the rest is read and discarded
     * @return the chunk, its size the octets read; empty when the connection ended first
     * @throws IOException if reading fails
     */
    public Optional<MessageData> readChunk(long size, long limit) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream((int) Math.min(CHUNK_BUFFER, Math.min(size, limit)));
        byte[] buffer = new byte[CHUNK_BUFFER];
        for (long read = 0; read < size; ) {
            flushBeforeWaiting();
            int n = reader.read(buffer, 0, (int) Math.min(buffer.length, size - read));
            if (n < 0) {
                return Optional.empty();
            }
            kept.write(buffer, 0, (int) Math.max(0, Math.min(n, limit - read)));
            read += n;
        }
        noteLeftover();
        return Optional.of(new MessageData(kept.toByteArray(), size, limit));
    }

    /**
     * Writes bytes and flushes them as the {@link ReplyPackets} mode says: at once, in pieces, or once no more
     * client input is waiting.
     *
     * @param bytes the bytes
     * @throws IOException if writing fails
     */
    public void write(byte[] bytes) throws IOException {
        if (packets == ReplyPackets.FRAGMENTED) {
            for (int off = 0; off < bytes.length; off += FRAGMENT) {
                out.write(bytes, off, Math.min(FRAGMENT, bytes.length - off));
                out.flush();
            }
            return;
        }
        out.write(bytes);
        if (packets == ReplyPackets.ONE_PER_REPLY || !hasLeftover()) {
            out.flush();
        }
    }

    /** Writes what {@link ReplyPackets#COALESCED} holds back; before a read that waits, and before a close. */
    private void flushHeld() {
        try {
            out.flush();
        } catch (IOException e) {
            // the connection is broken: the next read or write says so
        }
    }

    private void flushBeforeWaiting() {
        if (packets == ReplyPackets.COALESCED && !hasLeftover()) {
            flushHeld();
        }
    }

    /**
     * Input waiting: in the reader, in the TLS layer, or still encrypted in the socket (a TLS socket's
     * {@code available()} counts only decrypted bytes, and it decrypts one record at a time).
     */
    private boolean hasLeftover() {
        try {
            return reader.hasBuffered() || socket != raw && raw.getInputStream().available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts TLS as the server side of a handshake; input buffered before it is discarded (RFC 3207).
     *
     * @param context the server's TLS context
     * @throws IOException if the handshake fails
     */
    public void startTls(SSLContext context) throws IOException {
        flushHeld();
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        use(tls);
    }

    /**
     * Tells whether TLS is active.
     *
     * @return {@code true} after {@link #startTls(SSLContext)}
     */
    public boolean isTls() {
        return socket instanceof SSLSocket;
    }

    /**
     * Closes as a server should after its last reply: half-closes (the client reads end of stream), then discards
     * what the client still sends until it closes too or {@code linger} has passed. A client that writes
     * {@code RSET} or {@code QUIT} after the server's close so gets no connection reset, and fails the same way on
     * every run.
     *
     * @param linger how long to wait for the client to close
     * @return the number of bytes discarded
     */
    public long closeGracefully(Duration linger) {
        long discarded = 0;
        flushHeld();
        try {
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            long deadline = System.nanoTime() + linger.toNanos();
            byte[] sink = new byte[8192];
            for (long left = linger.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left)));
                int n = in.read(sink);
                if (n < 0) {
                    break;
                }
                discarded += n;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // the client is gone or the socket cannot half-close: close it outright
        } finally {
            close();
        }
        return discarded;
    }

    /** Closes the connection, from the session thread. */
    @Override
    public void close() {
        flushHeld();
        try {
            socket.close();
        } catch (IOException e) {
            abort();
        }
    }

    /** Closes the underlying socket at once, from any thread, so blocked reads and writes fail. */
    public void abort() {
        try {
            raw.close();
        } catch (IOException e) {
            // already closed or broken: nothing left to release
        }
    }
}
