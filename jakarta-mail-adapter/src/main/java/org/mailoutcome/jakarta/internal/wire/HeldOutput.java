package org.mailoutcome.jakarta.internal.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The output of a {@link WireSocket}: every write goes straight to the connection and records when it started (for
 * the {@link Watchdog}); between {@link #hold()} and {@link #release()} writes and flushes are held back and then
 * written in one write, so that a pipelined transaction leaves in one TCP segment rather than one per command.
 * Confined to the thread that holds the connection.
 */
final class HeldOutput extends OutputStream {
    private final OutputStream out;
    private final Runnable afterRelease;
    private ByteArrayOutputStream held = new ByteArrayOutputStream(1024);
    private boolean holding;
    /** {@code System.nanoTime()} when the write in progress started; 0 when none is. */
    private volatile long writeStarted;

    /** Output to {@code out}; {@code afterRelease} runs after each released group (the quick-ACK request). */
    HeldOutput(OutputStream out, Runnable afterRelease) {
        this.out = out;
        this.afterRelease = afterRelease;
    }

    /** When the write in progress started, 0 when none is: read by the watchdog. */
    long writeStarted() {
        return writeStarted;
    }

    /** Holds every write and flush back until {@link #release()}. */
    void hold() {
        holding = true;
    }

    /** Writes what was held in one write and flushes; nothing is held afterwards. */
    void release() throws IOException {
        if (!holding) return;
        holding = false;
        if (held.size() == 0) return;
        try {
            begin();
            try {
                held.writeTo(out);
            } finally {
                writeStarted = 0;
            }
            out.flush();
        } finally {
            reset();
        }
        afterRelease.run();
    }

    /** Forgets what was held (the connection is being given up); holds no more. */
    void discard() {
        holding = false;
        reset();
    }

    /** Keeps the buffer of an ordinary group, not the one a big message grew. */
    private void reset() {
        if (held.size() > 64 * 1024) held = new ByteArrayOutputStream(1024);
        else held.reset();
    }

    @Override
    public void write(int b) throws IOException {
        if (holding) held.write(b);
        else timed(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (holding) held.write(b, off, len);
        else timed(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (!holding) out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void begin() {
        long now = System.nanoTime();
        writeStarted = now == 0 ? 1 : now;
    }

    private void timed(byte[] b, int off, int len) throws IOException {
        begin();
        try {
            out.write(b, off, len);
        } finally {
            writeStarted = 0;
        }
    }
}
