package org.mailoutcome.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * One direction of a proxied connection: a reader thread stamps each chunk it reads with the time it is due and
 * queues it; a writer thread writes each chunk when it is due. So every byte is late by the same delay, order is
 * kept, and throughput is not limited by the delay (a link with latency, not a slow link). End of stream is passed
 * on as a half-close, also late by the delay.
 */
public final class DelayedPipe {

    private static final byte[] END = new byte[0];

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private final Socket from;
    private final Socket to;
    private final long delayNanos;
    private final Runnable onChunk;
    private final Runnable onEnd;
    private final Runnable onFailure;
    private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();

    /**
     * A pipe, not started.
     *
     * @param from the socket to read
     * @param to the socket to write
     * @param delayNanos the one-way delay
     * @param onChunk called on the reader thread for every chunk read, before it is queued
     * @param onEnd called when the end of stream has been passed on
     * @param onFailure called when either side fails: it should close both sockets
     */
    public DelayedPipe(Socket from, Socket to, long delayNanos, Runnable onChunk, Runnable onEnd,
            Runnable onFailure) {
        this.from = from;
        this.to = to;
        this.delayNanos = delayNanos;
        this.onChunk = onChunk;
        this.onEnd = onEnd;
        this.onFailure = onFailure;
    }

    /**
     * Starts the reader and the writer thread.
     *
     * @param threads the factory of both threads
     */
    public void start(ThreadFactory threads) {
        threads.newThread(this::readLoop).start();
        threads.newThread(this::writeLoop).start();
    }

    private void readLoop() {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                onChunk.run();
                queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
            }
            queue.add(new Chunk(System.nanoTime() + delayNanos, END));
        } catch (IOException e) {
            onFailure.run();
            queue.add(new Chunk(System.nanoTime(), END));
        }
    }

    private void writeLoop() {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk chunk = queue.take();
                waitUntil(chunk.dueNanos());
                if (chunk.bytes() == END) {
                    to.shutdownOutput();
                    onEnd.run();
                    return;
                }
                out.write(chunk.bytes());
                out.flush();
            }
        } catch (IOException e) {
            onFailure.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            onFailure.run();
        }
    }

    private static void waitUntil(long dueNanos) throws InterruptedException {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
