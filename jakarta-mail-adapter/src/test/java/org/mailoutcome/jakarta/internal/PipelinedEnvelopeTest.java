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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void groupAddressesAndEmptyEnvelopesAreNotPipelined() throws Exception {
        assertThat(PipelinedEnvelope.rcptCommands(new MimeMessage(SESSION),
                addresses("team: a@example.test, b@example.test;"), false, null)).isEmpty();
        assertThat(PipelinedEnvelope.rcptCommands(new MimeMessage(SESSION), new Address[0], false, null))
                .isEqualTo(Optional.empty());
    }

    private static Optional<List<String>> smtpMessageRcpt(int options, boolean dsn, String sessionNotify)
            throws Exception {
        SMTPMessage message = new SMTPMessage(SESSION);
        message.setNotifyOptions(options);
        return PipelinedEnvelope.rcptCommands(message, addresses("a@example.test"), dsn, sessionNotify);
    }

    @ParameterizedTest(name = "options {0}: NOTIFY={1}")
    @CsvSource({"-1, NEVER", "1, SUCCESS", "2, FAILURE", "3, 'SUCCESS,FAILURE'", "4, DELAY", "5, 'SUCCESS,DELAY'",
        "6, 'FAILURE,DELAY'", "7, 'SUCCESS,FAILURE,DELAY'"})
    void smtpMessageNotifyOptionsAreSpelledAsAngusSpellsThemAndBeatTheSessions(int options, String notify)
            throws Exception {
        assertThat(smtpMessageRcpt(options, true, null)).contains(List.of("RCPT TO:<a@example.test> NOTIFY=" + notify));
        assertThat(smtpMessageRcpt(options, true, "SUCCESS,FAILURE,DELAY"))
                .contains(List.of("RCPT TO:<a@example.test> NOTIFY=" + notify));
    }

    @Test
    void smtpMessageWithoutNotifyOptionsTakesTheSessions() throws Exception {
        assertThat(smtpMessageRcpt(0, true, "DELAY")).contains(List.of("RCPT TO:<a@example.test> NOTIFY=DELAY"));
        assertThat(smtpMessageRcpt(0, true, null)).contains(List.of("RCPT TO:<a@example.test>"));
    }

    @Test
    void smtpMessageNotifyIsLeftOutWhenTheServerDoesNotOfferDsn() throws Exception {
        assertThat(smtpMessageRcpt(SMTPMessage.NOTIFY_FAILURE, false, "DELAY"))
                .contains(List.of("RCPT TO:<a@example.test>"));
    }

    @Test
    void smtpMessageWhoseClassOverridesGetNotifyOptionsIsNotPipelinedToADsnServer() throws Exception {
        // Angus reads the field, not the getter: an overriding getter's answer may not be what goes on the wire.
        SMTPMessage message = new SMTPMessage(SESSION) {
            @Override
            public int getNotifyOptions() {
                return NOTIFY_DELAY;
            }
        };
        assertThat(PipelinedEnvelope.rcptCommands(message, addresses("a@example.test"), true, null)).isEmpty();
        assertThat(PipelinedEnvelope.rcptCommands(message, addresses("a@example.test"), false, null))
                .contains(List.of("RCPT TO:<a@example.test>"));
    }
}
