package org.mailoutcome.interop;

import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.Verb;

/**
 * The servers the suite's Exim relays to, both the testkit's: {@link #remote()} plays {@code far.test}, which
 * refuses {@code gone@far.test} for good (550 5.1.1), {@code slow-*@far.test} for now (451 4.3.0, until Exim gives
 * up after 5 s) and accepts every other recipient without offering DSN; {@link #notices()} receives the notices
 * Exim writes for {@code sender.test} (it accepts the null sender {@code MAIL FROM:<>}).
 */
final class EximPeers implements AutoCloseable {
    /** What {@code far.test} answers to {@code gone@far.test}. */
    static final String GONE_REPLY = "550 5.1.1 <gone@far.test>: Recipient address rejected: User unknown";
    /** What {@code far.test} answers to {@code slow-*@far.test}, every time. */
    static final String SLOW_REPLY = "451 4.3.0 Temporary failure, try again later";

    private final SmtpServer remote;
    private final SmtpServer notices;

    private EximPeers(SmtpServer remote, SmtpServer notices) {
        this.remote = remote;
        this.notices = notices;
    }

    /** Starts both on free ports of 127.0.0.1. */
    static EximPeers start() {
        SmtpServer remote = SmtpServer.builder().hostname("mx.far.test").start();
        remote.on(Verb.RCPT, "gone@far.test").reply(GONE_REPLY);
        remote.on(Verb.RCPT, "slow-*@far.test").reply(SLOW_REPLY);
        return new EximPeers(remote, SmtpServer.builder().hostname("notices.sender.test").start());
    }

    /** The server for {@code far.test}. */
    SmtpServer remote() {
        return remote;
    }

    /** The server that receives Exim's notices. */
    SmtpServer notices() {
        return notices;
    }

    @Override
    public void close() {
        try (notices) {
            remote.close();
        }
    }
}
