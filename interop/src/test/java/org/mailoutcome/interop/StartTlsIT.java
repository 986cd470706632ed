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

    private final PostfixServer postfix;
    private final Session session;
    private final OutcomeMailer mailer;

    StartTlsIT(PostfixServer postfix) {
        this.postfix = postfix;
        this.session = Mails.startTlsSession(postfix);
        this.mailer = OutcomeMailer.create(session);
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

        String client = postfix.maillog().await(mark, Pattern.compile(queueId + ": client="), 1, LOG_WAIT).get(0);
        String tls = awaitTlsLine(mark, Scenarios.clientPort(client));
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

        List<String> rejects = postfix.maillog().await(mark, Pattern.compile(
                "NOQUEUE: reject: RCPT from .* to=<(nosuch|moved)@lab\\.test>"), 2, LOG_WAIT);
        List<Integer> ports = rejects.stream().map(Scenarios::clientPort).distinct().toList();
        assertThat(ports).as("both refusals on one connection").hasSize(1);
        awaitTlsLine(mark, ports.get(0));
    }

    /** Postfix's line for the TLS handshake on the connection from that client port. */
    private String awaitTlsLine(long mark, int clientPort) {
        return postfix.maillog().await(mark, Pattern.compile("postfix/smtpd\\[\\d+\\]: Anonymous TLS connection "
                + "established from localhost\\[127\\.0\\.0\\.1\\]:" + clientPort + ": TLSv1"), 1, LOG_WAIT).get(0);
    }
}
