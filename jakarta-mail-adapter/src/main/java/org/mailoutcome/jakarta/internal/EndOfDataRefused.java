package org.mailoutcome.jakarta.internal;

import java.io.IOException;

/**
 * The step before the end of data ({@link RecordingTransport.EndOfData}) refused: the message was not completed, and
 * the transaction is not to be sent again on another connection (it is not a connection the server had dropped).
 */
final class EndOfDataRefused extends IOException {
    private static final long serialVersionUID = 1L;

    EndOfDataRefused(IOException cause) {
        super("end of data not sent: " + cause.getMessage(), cause);
    }

    /** Whether {@code thrown} or one of its causes is a refusal. */
    static boolean isIn(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 100; depth++, t = t.getCause()) {
            if (t instanceof EndOfDataRefused) return true;
        }
        return false;
    }
}
