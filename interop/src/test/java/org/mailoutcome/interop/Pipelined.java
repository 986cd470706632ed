package org.mailoutcome.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.LatencyProxy;
import org.mailoutcome.testsupport.FreePorts;

/**
 * Sends through the mailer with and without pipelining, and with or without CHUNKING (BDAT), for the pipelining
 * tests of every server. Without a word about CHUNKING the mailer sends with DATA.
 */
final class Pipelined {
    /** How many messages {@link #turnsPerMessage(int, boolean, String)} sends after the first. */
    static final int MESSAGES = 5;

    private Pipelined() {
    }

    /**
     * The client's round trips per three-recipient message ({@code alice}, {@code bob}, {@code carol@lab.test}),
     * counted by a proxy in front of the server, over {@link #MESSAGES} messages on one connection after a first.
     *
     * @param notify the session's {@code mail.smtp.dsn.notify}, or null
     */
    static long turnsPerMessage(int port, boolean pipelining, String notify) {
        return turnsPerMessage(port, pipelining, notify, MESSAGES);
    }

    /** As {@link #turnsPerMessage(int, boolean, String)}, over this many messages after the first. */
    static long turnsPerMessage(int port, boolean pipelining, String notify, int messages) {
        return turnsPerMessage(port, pipelining, false, notify, messages);
    }

    /** As {@link #turnsPerMessage(int, boolean, String, int)}, with BDAT where the server offers CHUNKING. */
    static long turnsPerMessage(int port, boolean pipelining, boolean chunking, String notify, int messages) {
        try (LatencyProxy proxy = LatencyProxy.start(FreePorts.HOST, port, Duration.ZERO, Duration.ZERO)) {
            Properties props = Mails.properties(proxy.port());
            if (notify != null) props.setProperty("mail.smtp.dsn.notify", notify);
            Session session = Session.getInstance(props);
            try (OutcomeMailer mailer = OutcomeMailer.builder(session).pipelining(pipelining).chunking(chunking)
                    .build()) {
                assertThat(mailer.send(Mails.message(session, "alice@lab.test")).isFullyAccepted()).isTrue();
                long before = proxy.clientTurns();
                for (int i = 0; i < messages; i++) {
                    DeliveryReport report = mailer.send(Mails.message(session, "alice@lab.test", "bob@lab.test",
                            "carol@lab.test"));
                    assertThat(report.isFullyAccepted()).as(report.toString()).isTrue();
                }
                return (proxy.clientTurns() - before) / messages;
            }
        }
    }

    /** Each recipient's outcome of one message: record, code and enhanced status ({@code Accepted 250 2.1.5}). */
    static List<String> outcomes(int port, boolean pipelining, String... to) {
        return outcomes(port, pipelining, false, to);
    }

    /** As {@link #outcomes(int, boolean, String...)}, with BDAT where the server offers CHUNKING. */
    static List<String> outcomes(int port, boolean pipelining, boolean chunking, String... to) {
        Session session = Session.getInstance(Mails.properties(port));
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).pipelining(pipelining).chunking(chunking)
                .build()) {
            DeliveryReport report = mailer.send(Mails.message(session, to));
            return report.recipients().stream().map(r -> r.outcome().name() + " "
                    + r.outcome().reply().map(reply -> reply.code() + " " + reply.enhancedStatus()
                            .map(Object::toString).orElse("")).orElse("-")).toList();
        }
    }
}
