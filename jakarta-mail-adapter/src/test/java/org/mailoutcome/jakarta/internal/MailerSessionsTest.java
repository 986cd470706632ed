package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.mailoutcome.jakarta.internal.wire.Wire;

class MailerSessionsTest {
    private static final MailerSessions.Timeouts DEFAULTS = new MailerSessions.Timeouts(null, null, null);

    private static Session callers(String... keyValues) {
        Properties props = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) props.setProperty(keyValues[i], keyValues[i + 1]);
        return Session.getInstance(props);
    }

    @Test
    void everySessionHasTheMailersWireWithTheWriteTimeoutOfTheBuilder() {
        Session session = MailerSessions.create(callers(), new MailerSessions.Timeouts(null, null, Duration.ofSeconds(7)));
        Wire wire = Wire.of(session).orElseThrow();
        assertThat(wire.writeTimeout("smtp")).contains(Duration.ofSeconds(7));
        assertThat(wire.writeTimeout("smtps")).contains(Duration.ofSeconds(7));
    }

    @Test
    void sessionsWriteTimeoutIsKeptAsTheDefault() {
        Session session = MailerSessions.create(callers("mail.smtp.writetimeout", "1234"), DEFAULTS);
        Wire wire = Wire.of(session).orElseThrow();
        assertThat(wire.writeTimeout("smtp")).contains(Duration.ofMillis(1234));
        assertThat(wire.writeTimeout("smtps")).contains(MailerSessions.DEFAULT_WRITE_TIMEOUT);
    }

    @Test
    void startTlsGoesThroughTheWiresFactoryWhateverTheCallerSet() {
        SSLSocketFactory own = (SSLSocketFactory) SSLSocketFactory.getDefault();
        Properties props = new Properties();
        props.put("mail.smtp.ssl.socketFactory", own);
        Session session = MailerSessions.create(Session.getInstance(props), DEFAULTS);
        Object factory = session.getProperties().get("mail.smtp.ssl.socketFactory");
        assertThat(factory).isInstanceOf(SSLSocketFactory.class).isNotSameAs(own);
        assertThat(factory).isSameAs(Wire.of(session).orElseThrow().startTlsFactory("smtp"));
    }

    @Test
    void chunkingTurnsAngusBdatPathOnAndTheSessionsOwnChunkSizeIsNotUsed() {
        Session on = MailerSessions.create(callers("mail.smtp.chunksize", "65536"), DEFAULTS,
                new MailerSessions.Writing(new Pipelining(true), true));
        Session off = MailerSessions.create(callers("mail.smtp.chunksize", "65536"), DEFAULTS,
                new MailerSessions.Writing(new Pipelining(true), false));
        assertThat(on.getProperty("mail.smtp.chunksize")).isEqualTo("1");
        assertThat(off.getProperty("mail.smtp.chunksize")).isNull();
    }

    @Test
    void callersSessionIsNotModified() {
        Session callers = callers("mail.smtp.writetimeout", "1234");
        MailerSessions.create(callers, DEFAULTS);
        assertThat(callers.getProperties()).containsOnlyKeys("mail.smtp.writetimeout");
    }
}
