package org.mailoutcome.testkit.internal;

import java.io.ByteArrayOutputStream;

/**
 * The {@code BDAT} chunks (RFC 3030) of one transaction: the message so far, and whether a refused chunk has failed
 * it. Once failed, nothing of the message is kept: the client must send no more chunks, and those it sent anyway
 * are read and discarded up to the last one.
 */
final class Chunks {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long size;
    private boolean started;
    private boolean failed;

    /** Whether a chunk came since the transaction began, accepted or not: {@code DATA} is refused then. */
    boolean started() {
        return started;
    }

    /** Whether a chunk was refused: the message is lost. */
    boolean failed() {
        return failed;
    }

    /** The octets of the accepted chunks. */
    long size() {
        return size;
    }

    /** How many octets of the next chunk to keep: what the size limit leaves. */
    long room(long limit) {
        return Math.max(0, limit - kept.size());
    }

    void accept(MessageData chunk) {
        started = true;
        if (!failed) {
            kept.writeBytes(chunk.bytes());
            size += chunk.size();
        }
    }

    void refuse() {
        started = true;
        failed = true;
        kept.reset();
        size = 0;
    }

    /** The message the accepted chunks make, cut at the limit as message data is. */
    MessageData message(long limit) {
        return new MessageData(kept.toByteArray(), size, limit);
    }

    void clear() {
        kept.reset();
        size = 0;
        started = false;
        failed = false;
    }
}
