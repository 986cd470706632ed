package org.mailoutcome.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/** Reads LF-terminated lines of bytes from a stream, through its own buffer (no per-byte locking). */
public final class LineReader {

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;

    /**
     * Creates a reader.
     *
     * @param in the stream to read
     */
    public LineReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one line with its terminator ({@code \n} or {@code \r\n}) included.
     *
     * @param maxLength the longest line accepted, terminator included
     * @return the line; at end of stream the last, unterminated bytes, or empty when there are none
     * @throws LineTooLongException if the line is longer than {@code maxLength}
     * @throws IOException if reading fails
     */
    public Optional<byte[]> readLine(int maxLength) throws IOException {
        ByteArrayOutputStream spill = null;
        while (true) {
            if (pos == limit && !fill()) {
                return spill == null || spill.size() == 0 ? Optional.empty() : Optional.of(spill.toByteArray());
            }
            int lf = indexOfLf();
            int end = lf < 0 ? limit : lf + 1;
            int length = (spill == null ? 0 : spill.size()) + end - pos;
            if (length > maxLength) {
                throw new LineTooLongException(maxLength);
            }
            if (lf >= 0 && spill == null) {
                byte[] line = Arrays.copyOfRange(buffer, pos, end);
                pos = end;
                return Optional.of(line);
            }
            spill = spill == null ? new ByteArrayOutputStream(2 * (end - pos)) : spill;
            spill.write(buffer, pos, end - pos);
            pos = end;
            if (lf >= 0) {
                return Optional.of(spill.toByteArray());
            }
        }
    }

    /**
     * Reads up to {@code length} bytes as they come, line endings or not: first what the buffer holds, else one read
     * of the stream.
     *
     * @param into where to put the bytes
     * @param offset where to start in {@code into}
     * @param length how many bytes at most, at least 1
     * @return how many bytes were read, at least 1; -1 at end of stream
     * @throws IOException if reading fails
     */
    public int read(byte[] into, int offset, int length) throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        int n = Math.min(length, limit - pos);
        System.arraycopy(buffer, pos, into, offset, n);
        pos += n;
        return n;
    }

    /**
     * Tells whether input has already arrived that no read has returned yet, in this reader's buffer or the
     * stream's.
     *
     * @return {@code true} if a read would find bytes without waiting for the peer
     * @throws IOException if the stream cannot tell
     */
    public boolean hasBuffered() throws IOException {
        return pos < limit || in.available() > 0;
    }

    private int indexOfLf() {
        for (int i = pos; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
