package org.mailoutcome.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Message data as received: of one {@code DATA} command after dot-unstuffing, of one {@code BDAT} chunk, or of the
 * chunks of a message put together.
 *
 * @param bytes the data, cut at the size limit when it was longer
 * @param size the full size in bytes, also when over the limit
 * @param limit the size limit in force
 */
public record MessageData(byte[] bytes, long size, long limit) {

    /**
     * Tells whether the data was longer than the limit.
     *
     * @return {@code true} when {@link #size()} exceeds {@link #limit()}
     */
    public boolean isOversized() {
        return size > limit;
    }

    /**
     * Reads data lines up to the terminating {@code "."} line ({@code .\r\n}, or {@code .\n} from sloppy clients),
     * removing the leading dot of dot-stuffed lines.
     *
     * @param reader where to read
     * @param limit the size limit: bytes past it are counted but not kept
     * @return the data, or empty when the connection ended before the terminating line
     * @throws IOException if reading fails
     */
    public static Optional<MessageData> read(LineReader reader, long limit) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(4096);
        long size = 0;
        for (Optional<byte[]> next = readLine(reader); next.isPresent(); next = readLine(reader)) {
            byte[] line = next.get();
            if (isTerminator(line)) {
                return Optional.of(new MessageData(kept.toByteArray(), size, limit));
            }
            int skip = line.length > 0 && line[0] == '.' ? 1 : 0;
            int length = line.length - skip;
            long room = Math.max(0, limit - size);
            kept.write(line, skip, (int) Math.min(length, room));
            size += length;
        }
        return Optional.empty();
    }

    private static Optional<byte[]> readLine(LineReader reader) throws IOException {
        return reader.readLine(Integer.MAX_VALUE - 16);
    }

    private static boolean isTerminator(byte[] line) {
        return line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n'
                || line.length == 2 && line[0] == '.' && line[1] == '\n';
    }

    @Override
    public String toString() {
        return "MessageData[" + size + " bytes, limit " + limit + "]";
    }
}
