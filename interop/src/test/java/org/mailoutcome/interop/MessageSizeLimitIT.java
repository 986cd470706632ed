package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.StorageExceeded;
import org.mailoutcome.Disposition;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.RecipientOutcome;

/**
 * {@code message_size_limit = 1000000}: Postfix advertises {@code SIZE 1000000}, but Angus 2.0.5 never sends a
 * {@code SIZE=} parameter with MAIL FROM, so Postfix cannot refuse early: it reads the whole message and refuses it
 * at the end of data. Both recipients were accepted at RCPT and both get that refusal.
 */
@ExtendWith(PostfixExtension.class)
class MessageSizeLimitIT {
    private final PostfixServer postfix;
    private final Session session;
    private final OutcomeMailer mailer;

    MessageSizeLimitIT(PostfixServer postfix) {
        this.postfix = postfix;
        this.session = Mails.session(postfix);
        this.mailer = OutcomeMailer.create(session);
    }

    @AfterEach
    void closeMailer() {
        mailer.close();
    }

    @Test
    void messageOverTheSizeLimitIsRefusedAtTheEndOfDataNotAtMailBecauseAngusSendsNoSize() {
        long mark = postfix.maillog().mark();
        DeliveryReport report = Scenarios.print("size",
                mailer.send(Mails.bigMessage(session, 1_100_000, "alice@lab.test", "bob@lab.test")));

        DeliveryOutcome message = report.messageOutcome().orElseThrow();
        assertThat(message).isInstanceOf(StorageExceeded.class);
        assertThat(message.stage()).isEqualTo(Stage.MESSAGE);
        assertThat(message.code()).hasValue(552);
        assertThat(message.enhancedStatus()).contains(EnhancedStatus.of(5, 3, 4));
        assertThat(message.reason()).isEqualTo(Reason.MESSAGE_TOO_BIG);
        assertThat(message.disposition()).isEqualTo(Disposition.PERMANENT);
        assertThat(report.recipients()).extracting(RecipientOutcome::outcome).containsOnly(message);
        assertThat(report.queueId()).isEmpty();
        String warning = postfix.maillog().await(mark, Pattern.compile("postfix/smtpd\\[\\d+\\]: warning: \\w+: "
                + "queue file size limit exceeded"), 1, Duration.ofSeconds(10)).get(0);
        System.out.println("interop: size       maillog: " + warning);
    }

    @Test
    void messageJustUnderTheSizeLimitIsQueued() {
        DeliveryReport report = mailer.send(Mails.bigMessage(session, 900_000, "alice@lab.test"));

        assertThat(report.isFullyAccepted()).isTrue();
        assertThat(report.queueId()).isPresent();
    }
}
