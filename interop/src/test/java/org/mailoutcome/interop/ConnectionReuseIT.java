package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;

/**
 * Twenty messages through one mailer travel over one SMTP connection. Counted by Postfix: every queue id's
 * {@code client=} line names the client port, there is one {@code connect from} line for that port, and its
 * {@code disconnect} line counts 20 MAIL commands.
 */
@ExtendWith(PostfixExtension.class)
class ConnectionReuseIT {
    private static final int MESSAGES = 20;
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);

    @Test
    void twentyMessagesThroughOneMailerUseOneConnection(PostfixServer postfix) {
        Session session = Mails.session(postfix);
        long mark = postfix.maillog().mark();
        List<String> queueIds = new ArrayList<>();
        try (OutcomeMailer mailer = OutcomeMailer.create(session)) {
            for (int i = 0; i < MESSAGES; i++) {
                DeliveryReport report = mailer.send(Mails.message(session, "alice@lab.test"));
                assertThat(report.isFullyAccepted()).isTrue();
                queueIds.add(report.queueId().orElseThrow());
            }
        }
        assertThat(queueIds).doesNotHaveDuplicates();

        List<Integer> ports = new ArrayList<>();
        for (String queueId : queueIds) {
            String client = postfix.maillog().await(mark, Pattern.compile(queueId + ": client="), 1, LOG_WAIT).get(0);
            ports.add(Scenarios.clientPort(client));
        }
        assertThat(ports).as("client port of each message").containsOnly(ports.get(0));
        String client = "localhost\\[127\\.0\\.0\\.1\\]:" + ports.get(0) + " ";
        List<String> disconnects = postfix.maillog().await(mark, Pattern.compile("disconnect from " + client), 1,
                LOG_WAIT);
        assertThat(disconnects).singleElement().asString().contains(" mail=20 ").contains(" data=20 ");
        List<String> connects = postfix.maillog().matching(mark,
                Pattern.compile("postfix/smtpd\\[\\d+\\]: connect from "));
        assertThat(connects).as("connections opened during the test").singleElement().asString().contains(
                "connect from localhost[127.0.0.1]:" + ports.get(0));
        System.out.println("interop: reuse      " + MESSAGES + " messages -> " + connects.size()
                + " connection; maillog: " + disconnects.get(0));
    }
}
