package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;

class PipelinedEnvelopeTest {
    private static final Session SESSION = Session.getInstance(new Properties());

    private static Address[] addresses(String... list) throws Exception {
        Address[] out = new Address[list.length];
        for (int i = 0; i < list.length; i++) out[i] = new InternetAddress(list[i]);
        return out;
    }

    @Test
    void rcptCommandsAreTheOnesAngusBuilds() throws Exception {
        assertThat(PipelinedEnvelope.rcptCommands(new MimeMessage(SESSION),
                addresses("a@example.test", "Bob <b@example.test>"), false, "SUCCESS"))
                .contains(List.of("RCPT TO:<a@example.test>", "RCPT TO:<b@example.test>"));
    }

    @Test
    void sessionNotifyIsAddedOnlyWhenTheServerOffersDsn() throws Exception {
        assertThat(PipelinedEnvelope.rcptCommands(new MimeMessage(SESSION), addresses("a@example.test"), true,
                "SUCCESS,FAILURE")).contains(List.of("RCPT TO:<a@example.test> NOTIFY=SUCCESS,FAILURE"));
        assertThat(PipelinedEnvelope.rcptCommands(new MimeMessage(SESSION), addresses("a@example.test"), true, null))
                .contains(List.of("RCPT TO:<a@example.test>"));
    }

    @Test
    void groupAddressesAndSmtpMessagesToADsnServerAreNotPipelined() throws Exception {
        assertThat(PipelinedEnvelope.rcptCommands(new MimeMessage(SESSION),
                addresses("team: a@example.test, b@example.test;"), false, null)).isEmpty();
        assertThat(PipelinedEnvelope.rcptCommands(new SMTPMessage(SESSION), addresses("a@example.test"), true, null))
                .isEmpty();
        assertThat(PipelinedEnvelope.rcptCommands(new SMTPMessage(SESSION), addresses("a@example.test"), false, null))
                .contains(List.of("RCPT TO:<a@example.test>"));
        assertThat(PipelinedEnvelope.rcptCommands(new MimeMessage(SESSION), new Address[0], false, null))
                .isEqualTo(Optional.empty());
    }
}
