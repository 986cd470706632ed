package org.mailoutcome.interop;

import org.mailoutcome.testkit.SmtpServer;

/**
 * Where the suite's Postfix delivers the notices it writes for {@code sender.test}: the testkit's SMTP server,
 * which accepts the null sender of a notice ({@code MAIL FROM:<>}). GreenMail 2.1.3 cannot receive one: it
 * answers 250 to {@code MAIL FROM:<>} and then 503 "MAIL must come before RCPT" to the RCPT.
 */
final class NoticeServer implements AutoCloseable {
    private final SmtpServer server;

    private NoticeServer(SmtpServer server) {
        this.server = server;
    }

    /** Starts it on a free port of 127.0.0.1. */
    static NoticeServer start() {
        return new NoticeServer(SmtpServer.builder().hostname("notices.sender.test").start());
    }

    /** Its port. */
    int port() {
        return server.port();
    }

    /** The server, to read or wait for what Postfix delivered. */
    SmtpServer smtp() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
