package org.mailoutcome.spring;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What is written to {@code System.err} (where the tests' SLF4J simple logger writes) while it is open, still
 * passed on to the original stream. Boot's {@code OutputCaptureExtension} needs JUnit 6; the build pins 5.
 */
final class StandardError implements AutoCloseable {
    private final PrintStream original = System.err;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private StandardError() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public synchronized void write(int b) {
                original.write(b);
                copy.write(b);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                copy.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8));
    }

    static StandardError capture() {
        return new StandardError();
    }

    synchronized String text() {
        return copy.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(original);
    }
}
