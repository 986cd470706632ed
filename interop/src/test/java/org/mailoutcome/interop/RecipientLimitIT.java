package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
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
 * {@code smtpd_recipient_limit = 3}: the 4th RCPT of a transaction gets 452 4.5.3 "too many recipients". The
 * mailer sends the recipients cut off that way in a new transaction (RFC 5321 4.5.3.1.10), so the 4th recipient
 * has two attempts and Postfix queues the message twice: once for the first three, once for the 4th.
 */
@ExtendWith(PostfixExtension.class)
class RecipientLimitIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final String[] ENVELOPE = {"alice@lab.test", "bob@lab.test", "postmaster@lab.test", "ok@lab.test"};

    private final PostfixServer postfix;
    private final Session session;
    private final OutcomeMailer mailer;

    RecipientLimitIT(PostfixServer postfix) {
        this.postfix = postfix;
        this.session = Mails.session(postfix);
        this.mailer = OutcomeMailer.create(session);
    }

    @AfterEach
    void closeMailer() {
        mailer.close();
    }

    @Test
    void fourthRecipientCutOffWith452TooManyRecipientsIsSentInASecondTransaction() {
        long mark = postfix.maillog().mark();
        DeliveryReport report = Scenarios.print("limit", mailer.send(Mails.message(session, ENVELOPE)));

        assertThat(report.recipients().subList(0, 3)).allSatisfy(r -> {
            assertThat(r.attempts()).hasSize(1);
            assertThat(r.outcome()).isInstanceOf(Accepted.class);
        });
        RecipientOutcome fourth = report.recipient("ok@lab.test").orElseThrow();
        assertThat(fourth.attempts()).hasSize(2);
        DeliveryOutcome cutOff = fourth.attempts().get(0).outcome();
        assertThat(cutOff).isInstanceOf(InsufficientStorage.class);
        assertThat(cutOff.stage()).isEqualTo(Stage.RCPT);
        assertThat(cutOff.code()).hasValue(452);
        assertThat(cutOff.enhancedStatus()).contains(EnhancedStatus.of(4, 5, 3));
        assertThat(cutOff.reason()).isEqualTo(Reason.TOO_MANY_RECIPIENTS);
        assertThat(cutOff.disposition()).isEqualTo(Disposition.TRANSIENT);
        assertThat(fourth.outcome()).isInstanceOf(Accepted.class);
        assertThat(report.isFullyAccepted()).isTrue();

        List<String> queued = postfix.maillog().await(mark, Pattern.compile(
                "postfix/cleanup\\[\\d+\\]: \\w+: message-id=" + Pattern.quote(report.messageId().orElseThrow())), 2,
                LOG_WAIT);
        assertThat(queued).hasSize(2);
        assertThat(deliveredTo(mark, queueId(queued.get(0)))).containsExactlyInAnyOrder(
                "alice@lab.test", "bob@lab.test", "postmaster@lab.test");
        assertThat(deliveredTo(mark, queueId(queued.get(1)))).containsExactly("ok@lab.test");
        assertThat(report.queueId()).contains(queueId(queued.get(1)));
    }

    @Test
    void sevenRecipientsAreAllDeliveredInThreeTransactions() {
        long mark = postfix.maillog().mark();
        String[] seven = {"alice@lab.test", "bob@lab.test", "postmaster@lab.test", "ok@lab.test", "carol@lab.test",
            "dave@lab.test", "erin@lab.test"};
        DeliveryReport report = Scenarios.print("limit7", mailer.send(Mails.message(session, seven)));

        assertThat(report.isFullyAccepted()).isTrue();
        assertThat(report.recipients()).extracting(r -> r.attempts().size()).containsExactly(1, 1, 1, 2, 2, 2, 3);
        List<String> queued = postfix.maillog().await(mark, Pattern.compile(
                "postfix/cleanup\\[\\d+\\]: \\w+: message-id=" + Pattern.quote(report.messageId().orElseThrow())), 3,
                LOG_WAIT);
        assertThat(queued).hasSize(3);
        assertThat(deliveredTo(mark, queueId(queued.get(0)))).containsExactlyInAnyOrder(seven[0], seven[1], seven[2]);
        assertThat(deliveredTo(mark, queueId(queued.get(1)))).containsExactlyInAnyOrder(seven[3], seven[4], seven[5]);
        assertThat(deliveredTo(mark, queueId(queued.get(2)))).containsExactly(seven[6]);
    }

    /** The recipients Postfix's discard transport logged for a queue id, once the queue file is removed. */
    private List<String> deliveredTo(long mark, String queueId) {
        postfix.maillog().await(mark, Pattern.compile(queueId + ": removed"), 1, LOG_WAIT);
        Pattern to = Pattern.compile(queueId + ": to=<([^>]+)>.* status=sent");
        return postfix.maillog().matching(mark, to).stream().map(line -> {
            Matcher m = to.matcher(line);
            return m.find() ? m.group(1) : line;
        }).toList();
    }

    private static String queueId(String cleanupLine) {
        Matcher m = Pattern.compile("postfix/cleanup\\[\\d+\\]: (\\w+): ").matcher(cleanupLine);
        assertThat(m.find()).as("queue id in %s", cleanupLine).isTrue();
        return m.group(1);
    }
}
