package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.Accepted;
import org.mailoutcome.Disposition;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;

/** A local user of Postfix: accepted at RCPT, queued, and the queue id of the report is the one Postfix logged. */
@ExtendWith(PostfixExtension.class)
class LocalDeliveryIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private final PostfixServer postfix;
    private final Session session;
    private final OutcomeMailer mailer;

    LocalDeliveryIT(PostfixServer postfix) {
        this.postfix = postfix;
        this.session = Mails.session(postfix);
        this.mailer = OutcomeMailer.create(session);
    }

    @AfterEach
    void closeMailer() {
        mailer.close();
    }

    @Test
    void localUserIsAcceptedWith250AndTheMessageIsQueued() {
        DeliveryReport report = Scenarios.print("local", mailer.send(Mails.message(session, "alice@lab.test")));

        DeliveryOutcome alice = report.recipient("alice@lab.test").orElseThrow().outcome();
        assertThat(alice).isInstanceOf(Accepted.class);
        assertThat(alice.stage()).isEqualTo(Stage.RCPT);
        assertThat(alice.code()).hasValue(250);
        assertThat(alice.enhancedStatus()).contains(EnhancedStatus.of(2, 1, 5));
        assertThat(alice.disposition()).isEqualTo(Disposition.SUCCESS);
        assertThat(alice.reason()).isEqualTo(Reason.NONE);
        assertThat(alice.forwardPath()).isEmpty();
        assertThat(report.messageOutcome()).get().satisfies(message -> {
            assertThat(message).isInstanceOf(Accepted.class);
            assertThat(message.stage()).isEqualTo(Stage.MESSAGE);
            assertThat(message.reply().orElseThrow().toString()).startsWith("250 2.0.0 Ok: queued as ");
        });
        assertThat(report.isFullyAccepted()).isTrue();
    }

    @Test
    void queueIdOfTheReportIsTheOnePostfixLoggedForThisMessageId() {
        long mark = postfix.maillog().mark();
        DeliveryReport report = mailer.send(Mails.message(session, "alice@lab.test"));

        String queueId = report.queueId().orElseThrow();
        String messageId = report.messageId().orElseThrow();
        List<String> cleanup = postfix.maillog().await(mark,
                Pattern.compile("postfix/cleanup\\[\\d+\\]: " + queueId + ": message-id=" + Pattern.quote(messageId)),
                1, LOG_WAIT);
        assertThat(cleanup).hasSize(1);
        System.out.println("interop: local      maillog: " + cleanup.get(0));
    }

    @Test
    void postfixDiscardsTheQueuedMessageForAliceAndRemovesIt() {
        long mark = postfix.maillog().mark();
        String queueId = mailer.send(Mails.message(session, "alice@lab.test")).queueId().orElseThrow();

        postfix.maillog().await(mark, Pattern.compile(queueId + ": removed"), 1, LOG_WAIT);
        List<String> deliveries = postfix.maillog().matching(mark, Pattern.compile(queueId + ": to=<"));
        assertThat(deliveries).singleElement().satisfies(line -> assertThat(line)
                .contains("postfix/discard[").contains("to=<alice@lab.test>, relay=none")
                .contains("dsn=2.0.0, status=sent"));
        System.out.println("interop: local      maillog: " + deliveries.get(0));
    }
}
