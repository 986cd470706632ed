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
import org.mailoutcome.DeliveryOutcome.MailboxUnavailable;
import org.mailoutcome.DeliveryOutcome.NotLocalNoRelay;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;

/**
 * The same replies over STARTTLS (required by the client, offered by Postfix with its self-signed certificate), and
 * proof from the maillog that the very connection that carried them was encrypted: Postfix logs the client port on
 * its TLS line and on its queue and reject lines.
 */
@ExtendWith(PostfixExtension.class)
class StartTlsIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final Pattern TLS = Pattern.compile(
            "postfix/smtpd\\[\\d+\\]: Anonymous TLS connection established from localhost\\[127\\.0\\.0\\.1\\]:\\d+: TLSv1");

    private PostfixServer postfix;
    private Session session;
    private OutcomeMailer mailer;

    @BeforeEach
    void openMailer(PostfixServer postfix) {
        this.postfix = postfix;
        session = Mails.startTlsSession(postfix);
        mailer = OutcomeMailer.create(session);
    }

    @AfterEach
    void closeMailer() {
        mailer.close();
    }

    @Test
    void acceptedRecipientOverStartTlsIsQueuedOnTheEncryptedConnection() {
        long mark = postfix.maillog().mark();
        DeliveryReport report = Scenarios.print("starttls", mailer.send(Mails.message(session, "alice@lab.test")));

        DeliveryOutcome alice = report.recipients().get(0).outcome();
        assertThat(alice).isInstanceOf(Accepted.class);
        assertThat(alice.code()).hasValue(250);
        String queueId = report.queueId().orElseThrow();

        String tls = postfix.maillog().await(mark, TLS, 1, LOG_WAIT).get(0);
        List<String> client = postfix.maillog().await(mark, Pattern.compile(queueId + ": client="), 1, LOG_WAIT);
        assertThat(Scenarios.clientPort(client.get(0))).isEqualTo(Scenarios.clientPort(tls));
        System.out.println("interop: starttls   maillog: " + tls);
    }

    @Test
    void refusedRecipientsOverStartTlsGetTheSameOutcomesOnTheEncryptedConnection() {
        long mark = postfix.maillog().mark();
        DeliveryReport report = Scenarios.print("starttls",
                mailer.send(Mails.message(session, "nosuch@lab.test", "moved@lab.test")));

        DeliveryOutcome nosuch = report.recipients().get(0).outcome();
        assertThat(nosuch).isInstanceOf(MailboxUnavailable.class);
        assertThat(nosuch.code()).hasValue(550);
        assertThat(nosuch.reason()).isEqualTo(Reason.USER_UNKNOWN);
        DeliveryOutcome moved = report.recipients().get(1).outcome();
        assertThat(moved).isInstanceOf(NotLocalNoRelay.class);
        assertThat(moved.stage()).isEqualTo(Stage.RCPT);
        assertThat(moved.forwardPath()).contains("alice@new.example");
        assertThat(report.queueId()).isEmpty();

        String tls = postfix.maillog().await(mark, TLS, 1, LOG_WAIT).get(0);
        List<String> rejects = postfix.maillog().await(mark, Pattern.compile("NOQUEUE: reject: RCPT from "), 2, LOG_WAIT);
        assertThat(rejects).extracting(Scenarios::clientPort).containsOnly(Scenarios.clientPort(tls));
    }
}
