package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.ExceptionDecoder;
import org.mailoutcome.jakarta.OutcomeMailer;

/**
 * Plain {@code Transport.send} with {@code mail.smtp.sendpartial=true}: Angus sends to alice and throws for the
 * refused recipients; the decoder turns that exception into the report the mailer gives for the same envelope.
 * Without {@code reportsuccess} Angus does not say what alice's RCPT got, so her outcome is the end-of-data reply.
 */
@ExtendWith(PostfixExtension.class)
class ExceptionDecoderIT {
    private static final String[] ENVELOPE = {"alice@lab.test", "nosuch@lab.test", "moved@lab.test"};

    @ParameterizedTest(name = "reportsuccess={0}")
    @ValueSource(booleans = {false, true})
    void decodedSendFailedExceptionGivesTheOutcomesTheMailerReports(boolean reportSuccess, PostfixServer postfix) {
        Properties props = Mails.properties(postfix);
        props.setProperty("mail.smtp.sendpartial", "true");
        props.setProperty("mail.smtp.reportsuccess", Boolean.toString(reportSuccess));
        Session session = Session.getInstance(props);
        MimeMessage message = Mails.message(session, ENVELOPE);
        long mark = postfix.maillog().mark();

        SendFailedException thrown = catchThrowableOfType(SendFailedException.class, () -> Transport.send(message));
        assertThat(thrown).as("Angus throws for the refused recipients").isNotNull();
        DeliveryReport decoded = Scenarios.print("decoder", ExceptionDecoder.decode(message, thrown));
        DeliveryReport mailed;
        try (OutcomeMailer mailer = OutcomeMailer.create(Mails.session(postfix))) {
            mailed = mailer.send(Mails.message(session, ENVELOPE));
        }

        assertThat(decoded.recipients()).extracting(r -> r.address().getAddress()).containsExactly(ENVELOPE);
        for (int i = 1; i < ENVELOPE.length; i++) {
            assertThat(decoded.recipients().get(i).outcome()).isEqualTo(mailed.recipients().get(i).outcome());
        }
        assertThat(decoded.recipient("moved@lab.test").orElseThrow().outcome().forwardPath())
                .contains("alice@new.example");
        DeliveryOutcome alice = decoded.recipients().get(0).outcome();
        assertThat(alice).isInstanceOf(Accepted.class);
        if (reportSuccess) {
            assertThat(alice).isEqualTo(mailed.recipients().get(0).outcome());
        } else {
            assertThat(alice.stage()).isEqualTo(Stage.MESSAGE);
            assertThat(alice).isEqualTo(decoded.messageOutcome().orElseThrow());
        }

        String queueId = decoded.queueId().orElseThrow();
        postfix.maillog().await(mark, Pattern.compile(queueId + ": message-id="
                + Pattern.quote(decoded.messageId().orElseThrow())), 1, Duration.ofSeconds(10));
    }
}
