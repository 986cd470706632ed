package org.mailoutcome.testkit.internal;

import java.util.Optional;

/** What one session knows about its client; touched by the session thread only. */
final class SessionState {

    boolean greeted;
    boolean extended;
    boolean authenticated;
    boolean tls;
    final Transaction transaction = new Transaction();
    /** The {@code BDAT} chunk just read, until the effect of its reply is applied. */
    Optional<Chunk> chunk = Optional.empty();

    /**
     * A {@code BDAT} chunk as read.
     *
     * @param data its octets
     * @param last whether it ends the message
     */
    record Chunk(MessageData data, boolean last) {
    }

    /** Forgets everything learnt before TLS started (RFC 3207 section 4.2). */
    void tlsStarted() {
        greeted = false;
        extended = false;
        authenticated = false;
        tls = true;
        transaction.reset();
    }
}
