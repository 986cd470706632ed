package org.mailoutcome.bounce.tracking.internal;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;

/**
 * The mailbox's own session: the caller's properties and authenticator, with timeouts where the caller set none
 * (Angus's default to infinite, so a silent server would hang the mailbox for good). The read timeout outlasts the
 * poll interval, which is how long an IDLE may be silent before the mailbox ends it.
 */
public final class MailboxSessions {
    /** Connect and write timeout when the session sets none. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private MailboxSessions() {
    }

    /** A session like the caller's, with timeouts for both {@code imap} and {@code imaps}. */
    public static Session create(Session callers, Duration pollInterval) {
        Properties props = new Properties();
        props.putAll(callers.getProperties());
        long read = pollInterval.plus(DEFAULT_TIMEOUT).toMillis();
        for (String protocol : new String[] {"imap", "imaps"}) {
            String p = "mail." + protocol + ".";
            props.putIfAbsent(p + "connectiontimeout", Long.toString(DEFAULT_TIMEOUT.toMillis()));
            props.putIfAbsent(p + "timeout", Long.toString(read));
            props.putIfAbsent(p + "writetimeout", Long.toString(DEFAULT_TIMEOUT.toMillis()));
        }
        Session session = Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return callers.requestPasswordAuthentication(getRequestingSite(), getRequestingPort(),
                        getRequestingProtocol(), getRequestingPrompt(), getDefaultUserName());
            }
        });
        session.setDebug(callers.getDebug());
        return session;
    }
}
