package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.net.Socket;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailerSessionsTest {
    private static final MailerSessions.Timeouts DEFAULTS = new MailerSessions.Timeouts(null, null, null);

    private static Session callers(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) props.setProperty(keyValues[i], keyValues[i + 1]);
        return Session.getInstance(props);
    }

    @Test
    void writeTimeoutIsEnforcedByTheWatchedSocketFactoryInsteadOfAngus() throws Exception {
        Session session = MailerSessions.create(callers(), new MailerSessions.Timeouts(null, null, Duration.ofSeconds(7)));
        for (String protocol : new String[] {"smtp", "smtps"}) {
            Object factory = session.getProperties().get("mail." + protocol + ".socketFactory");
            assertThat(factory).isInstanceOfSatisfying(WatchedSocketFactory.class,
                    f -> assertThat(f.writeTimeout()).isEqualTo(Duration.ofSeconds(7)));
            assertThat(session.getProperty("mail." + protocol + ".writetimeout")).isNull();
        }
        try (Socket socket = ((WatchedSocketFactory) session.getProperties().get("mail.smtp.socketFactory"))
                .createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void sessionsWriteTimeoutIsKeptAsTheDefault() {
        Session session = MailerSessions.create(callers("mail.smtp.writetimeout", "1234"), DEFAULTS);
        assertThat(((WatchedSocketFactory) session.getProperties().get("mail.smtp.socketFactory")).writeTimeout())
                .isEqualTo(Duration.ofMillis(1234));
        assertThat(((WatchedSocketFactory) session.getProperties().get("mail.smtps.socketFactory")).writeTimeout())
                .isEqualTo(MailerSessions.DEFAULT_WRITE_TIMEOUT);
    }

    @Test
    void callersOwnWayOfMakingSocketsIsLeftToAngusWithItsWriteTimeout() {
        for (String own : new String[] {"mail.smtp.socketFactory.class", "mail.smtp.ssl.socketFactory.class",
            "mail.smtp.socks.host", "mail.smtp.usesocketchannels"}) {
            Session session = MailerSessions.create(callers(own, "x"), DEFAULTS);
            assertThat(session.getProperties().get("mail.smtp.socketFactory")).as(own).isNull();
            assertThat(session.getProperty("mail.smtp.writetimeout")).as(own)
                    .isEqualTo(Long.toString(MailerSessions.DEFAULT_WRITE_TIMEOUT.toMillis()));
        }
    }

    @Test
    void callersSessionIsNotModified() {
        Session callers = callers("mail.smtp.writetimeout", "1234");
        MailerSessions.create(callers, DEFAULTS);
        assertThat(callers.getProperties()).containsOnlyKeys("mail.smtp.writetimeout");
    }
}
