package org.mailoutcome.testkit.internal;

/** What one session knows about its client; touched by the session thread only. */
final class SessionState {

    boolean greeted;
    boolean extended;
    boolean authenticated;
    boolean tls;
    final Transaction transaction = new Transaction();

    /** Forgets everything learnt before TLS started (RFC 3207 section 4.2). */
    void tlsStarted() {
        greeted = false;
        extended = false;
        authenticated = false;
        tls = true;
        transaction.reset();
    }
}
