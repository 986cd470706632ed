package org.mailoutcome.bounce.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailboxSessionsTest {

    @Test
    void aSessionWithoutTimeoutsGetsBoundedOnesAndTheReadOneOutlastsThePollInterval() {
        Session session = MailboxSessions.create(Session.getInstance(new Properties()), Duration.ofSeconds(60));

        for (String p : new String[] {"mail.imap.", "mail.imaps."}) {
            assertThat(session.getProperty(p + "connectiontimeout")).isEqualTo("30000");
            assertThat(session.getProperty(p + "timeout")).isEqualTo("90000");
            assertThat(session.getProperty(p + "writetimeout")).isEqualTo("30000");
        }
    }

    @Test
    void theCallersOwnTimeoutsAndPropertiesAreKept() {
        Properties props = new Properties();
        props.setProperty("mail.imap.timeout", "1234");
        props.setProperty("mail.imap.host", "127.0.0.1");

        Session session = MailboxSessions.create(Session.getInstance(props), Duration.ofSeconds(60));

        assertThat(session.getProperty("mail.imap.timeout")).isEqualTo("1234");
        assertThat(session.getProperty("mail.imap.host")).isEqualTo("127.0.0.1");
    }
}
