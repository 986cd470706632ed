package org.mailoutcome.bounce.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/** Reads at most a given number of bytes of a mail, from a stream, an array or a Jakarta Mail message. */
public final class CappedInput {

    private CappedInput() {
    }

    /** At most {@code max} bytes of the stream; the rest is left unread. */
    public static byte[] read(InputStream in, int max) throws IOException {
        return in.readNBytes(max);
    }

    /** The first {@code max} bytes of the array (the array itself when it is short enough). */
    public static byte[] head(byte[] mail, int max) {
        return mail.length <= max ? mail : Arrays.copyOf(mail, max);
    }

    /** The message as written by Jakarta Mail, cut after {@code max} bytes. */
    public static byte[] write(MimeMessage message, int max) throws IOException, MessagingException {
        Capped out = new Capped(max);
        try {
            message.writeTo(out);
        } catch (Full full) {
            // the cap is reached: what was written so far is parsed
        }
        return out.buffer.toByteArray();
    }

    /** Thrown by {@link Capped} to stop a writer at the cap. */
    private static final class Full extends IOException {
        private static final long serialVersionUID = 1L;

        Full() {
            super("cap reached", null);
        }
    }

    private static final class Capped extends OutputStream {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final int max;

        Capped(int max) {
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            if (buffer.size() >= max) throw new Full();
            buffer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int room = max - buffer.size();
            buffer.write(b, off, Math.min(room, len));
            if (len > room) throw new Full();
        }
    }
}
