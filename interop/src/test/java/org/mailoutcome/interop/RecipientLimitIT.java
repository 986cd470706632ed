package org.mailoutcome.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.DeliveryOutcome.InsufficientStorage;
import org.mailoutcome.Disposition;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.RecipientOutcome;

/**
 * {@code smtpd_recipient_limit = 3}: the 4th RCPT of a transaction gets 452 4.5.3. Today the mailer reports that
 * recipient as deferred and does not send it in a second transaction (splitting is a later issue); the first
 * three get the message.
 */
@ExtendWith(PostfixExtension.class)
class RecipientLimitIT {
    private PostfixServer postfix;
    private Session session;
    private OutcomeMailer mailer;

    @BeforeEach
    void openMailer(PostfixServer postfix) {
        this.postfix = postfix;
        session = Mails.session(postfix);
        mailer = OutcomeMailer.create(session);
    }

    @AfterEach
    void closeMailer() {
        mailer.close();
    }

    @Test
    void fourthRecipientIsDeferredAsTooManyRecipientsAndNotYetResentInASecondTransaction() {
        long mark = postfix.maillog().mark();
        DeliveryReport report = Scenarios.print("limit", mailer.send(Mails.message(session,
                "alice@lab.test", "bob@lab.test", "postmaster@lab.test", "ok@lab.test")));

        assertThat(report.recipients()).extracting(RecipientOutcome::outcome).first(3).allSatisfy(outcome -> {
            assertThat(outcome).isInstanceOf(Accepted.class);
            assertThat(outcome.stage()).isEqualTo(Stage.RCPT);
        });
        DeliveryOutcome fourth = report.recipient("ok@lab.test").orElseThrow().outcome();
        assertThat(fourth).isInstanceOf(InsufficientStorage.class);
        assertThat(fourth.code()).hasValue(452);
        assertThat(fourth.enhancedStatus()).contains(EnhancedStatus.of(4, 5, 3));
        assertThat(fourth.reason()).isEqualTo(Reason.TOO_MANY_RECIPIENTS);
        assertThat(fourth.disposition()).isEqualTo(Disposition.TRANSIENT);
        assertThat(report.deferred()).hasSize(1);
        assertThat(report.recipient("ok@lab.test").orElseThrow().attempts()).as("no second transaction yet").hasSize(1);

        String queueId = report.queueId().orElseThrow();
        postfix.maillog().await(mark, Pattern.compile(queueId + ": removed"), 1, Duration.ofSeconds(10));
        List<String> deliveries = postfix.maillog().matching(mark, Pattern.compile(": to=<"));
        assertThat(deliveries).hasSize(3).allSatisfy(line -> assertThat(line).contains(queueId + ": to=<"))
                .noneSatisfy(line -> assertThat(line).contains("ok@lab.test"));
    }
}
