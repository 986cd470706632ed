package org.mailoutcome.jakarta.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.eclipse.angus.mail.util.CRLFOutputStream;

/**
 * The content of a message sent with {@code BDAT} (RFC 3030), as Angus's {@code writeTo} writes it: line ends made
 * CRLF (Angus's own {@link CRLFOutputStream}), ended by a CRLF, and <b>not</b> dot-stuffed, since BDAT counts bytes
 * and the server takes them as they are (Angus's own {@code BDATOutputStream} stuffs dots, so a line that starts with
 * a dot would arrive with two: angus-mail#209). The bytes are collected until the message ends or a chunk is full;
 * a full chunk is handed on at once, so a big message never sits in memory whole. One per transport, reused.
 */
final class BdatContent {
    /** The default chunk: a message up to this size goes in one {@code BDAT <size> LAST}. */
    static final int CHUNK = 1 << 20;
    private static final int KEEP = 64 * 1024;

    /** Where full chunks go. */
    @FunctionalInterface
    interface Chunks {
        /** A chunk of {@code length} bytes that is not the last; the array is reused afterwards. */
        void full(byte[] bytes, int length) throws IOException;
    }

    private final int chunk;
    private final Collected collected = new Collected();
    private final Lines lines = new Lines(collected);
    private Chunks chunks = (b, n) -> { };

    /** Content in chunks of {@code chunk} bytes. */
    BdatContent(int chunk) {
        if (chunk < 1) throw new IllegalArgumentException("chunk must be >= 1: " + chunk);
        this.chunk = chunk;
    }

    /** Starts a message whose full chunks go to {@code chunks}; returns where Angus writes it. */
    OutputStream start(Chunks chunks) {
        this.chunks = chunks;
        collected.count = 0;
        lines.restart();
        return lines;
    }

    /** Ends the message with a line end, as Angus's {@code finishBdat} does. */
    void end() throws IOException {
        lines.endLine();
    }

    /** The bytes of the last chunk. */
    byte[] bytes() {
        return collected.buf;
    }

    /** How many bytes the last chunk has. */
    int size() {
        return collected.count;
    }

    /** Forgets the message; a buffer a big message grew is let go. */
    void clear() {
        collected.count = 0;
        if (collected.buf.length > KEEP) collected.buf = new byte[4096];
    }

    /** Angus's CRLF canonicalization, restartable. */
    private static final class Lines extends CRLFOutputStream {
        Lines(OutputStream out) {
            super(out);
        }

        void restart() {
            lastb = -1;
            atBOL = true;
        }

        void endLine() throws IOException {
            if (!atBOL) writeln();
        }

        @Override
        public void flush() {
            // MimeMessage.writeTo flushes at its end: the content is complete only at end()
        }

        @Override
        public void close() {
            // the content is the transport's, ended by end()
        }
    }

    /** The growing chunk. */
    private final class Collected extends OutputStream {
        private byte[] buf = new byte[4096];
        private int count;

        @Override
        public void write(int b) throws IOException {
            if (count == chunk) spill();
            ensure(count + 1);
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (count == chunk) spill();
                int n = Math.min(len, chunk - count);
                ensure(count + n);
                System.arraycopy(b, off, buf, count, n);
                count += n;
                off += n;
                len -= n;
            }
        }

        private void spill() throws IOException {
            chunks.full(buf, count);
            count = 0;
        }

        private void ensure(int size) {
            if (size > buf.length) buf = Arrays.copyOf(buf, Math.min(chunk, Math.max(size, buf.length * 2)));
        }
    }
}
