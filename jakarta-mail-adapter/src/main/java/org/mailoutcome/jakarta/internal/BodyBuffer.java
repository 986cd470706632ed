package org.mailoutcome.jakarta.internal;

import jakarta.mail.util.LineOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.util.PropUtil;

/**
 * A buffer in front of Angus's {@code SMTPOutputStream} for the message content.
 *
 * <p>Angus's text handler writes a body one byte at a time (its {@code NoCloseOutputStream} is a plain
 * {@code FilterOutputStream}), and each byte then goes through {@code SMTPOutputStream}, {@code CRLFOutputStream}
 * and a synchronized {@code BufferedOutputStream.write(int)}. Collected here, the bytes reach
 * {@code SMTPOutputStream}'s bulk write, which does the same dot-stuffing and line-ending work in one pass. Not
 * thread-safe: the transport writes a message on one thread. {@link #flush()} keeps {@code SMTPOutputStream}'s
 * meaning: nothing goes to the socket before the end of data. One per transport, reused for every message.
 *
 * <p>It is also a {@link LineOutputStream}, writing lines exactly as Angus's own (the same class does it). Given a
 * stream that is not one, {@code MimeBodyPart.writeTo} asks {@code StreamProvider.provider()} for a line stream,
 * and that is a {@code ServiceLoader} lookup on every message: about 50 µs of client CPU and 38 KB, a tenth of a send
 * on loopback (benchmarks/README.md). Headers are written with the flag {@code MimeBodyPart} would give that line
 * stream: the system property {@code mail.mime.allowutf8}, default true.
 */
final class BodyBuffer extends OutputStream implements LineOutputStream {
    private static final boolean ALLOW_UTF8 = PropUtil.getBooleanSystemProperty("mail.mime.allowutf8", true);

    private final byte[] buf = new byte[8192];
    private final org.eclipse.angus.mail.util.LineOutputStream lines =
            new org.eclipse.angus.mail.util.LineOutputStream(this, ALLOW_UTF8);
    private OutputStream out = OutputStream.nullOutputStream();
    private int count;

    /** Starts a message: the content goes to {@code smtpStream}; anything left from an aborted one is dropped. */
    BodyBuffer attach(OutputStream smtpStream) {
        this.out = smtpStream;
        this.count = 0;
        return this;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) drain();
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= buf.length) {
            drain();
            out.write(b, off, len);
            return;
        }
        if (len > buf.length - count) drain();
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override
    public void writeln(String line) throws IOException {
        lines.writeln(line);
    }

    @Override
    public void writeln() throws IOException {
        lines.writeln();
    }

    /** Hands what is buffered to the SMTP stream (which sends nothing before the end of data). */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Flushes; the SMTP stream is the transport's, never closed here. */
    @Override
    public void close() throws IOException {
        drain();
    }

    /** Writes the buffered bytes to the SMTP stream. */
    void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }
}
