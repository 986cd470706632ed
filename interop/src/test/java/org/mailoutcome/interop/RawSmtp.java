package org.mailoutcome.interop;

import java.io.IOException;
import java.io.InputStream;

/** Reading a server's replies on a plain socket, for the tests that write SMTP themselves. */
final class RawSmtp {
    private RawSmtp() {
    }

    /** One whole reply, lines joined by "\n". */
    static String readReply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        while (true) {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) throw new IOException("closed after: " + reply + line);
                if (b != '\r') line.append((char) b);
            }
            reply.append(reply.length() == 0 ? "" : "\n").append(line);
            if (line.length() < 4 || line.charAt(3) != '-') return reply.toString();
        }
    }
}
