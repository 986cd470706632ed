package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.LatencyProxy;

/**
 * Postfix advertises PIPELINING and checks it ({@code reject_unauth_pipelining} in the recipient restrictions):
 * the mailer pipelines (round trips counted by a proxy), the outcomes are the same with and without, and Postfix
 * finds nothing improper in it, while a client that writes past EHLO is refused.
 */
@ExtendWith(PostfixExtension.class)
class PipeliningIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final int MESSAGES = 5;
    private static final String[] MIXED = {"alice@lab.test", "nobody@lab.test", "moved551@lab.test",
        "grey@lab.test", "bob@lab.test", "reject2@lab.test", "carol@lab.test"};

    @Test
    void mailerPipelinesTheEnvelopeToPostfixInOneRoundTrip(PostfixServer postfix) {
        long plain = turnsPerMessage(postfix, false);
        long pipelined = turnsPerMessage(postfix, true);
        System.out.println("interop: pipelining round trips per 3-recipient message: " + plain + " without, "
                + pipelined + " with");
        assertThat(plain).as("MAIL, 3 RCPT, DATA, the message: one round trip each").isEqualTo(6);
        assertThat(pipelined).as("MAIL + RCPTs + DATA in one, then the message").isEqualTo(2);
    }

    @Test
    void dsnNotifyGoesIntoThePipelinedRcptsAsAngusWritesIt(PostfixServer postfix) {
        long mark = postfix.maillog().mark();
        int messages = MESSAGES + 2;
        assertThat(turnsPerMessage(postfix, true, "SUCCESS,FAILURE", messages)).as("Postfix offers DSN").isEqualTo(2);
        // Postfix logs asynchronously, so an earlier test's disconnect can come after the mark: this session is the
        // one that sent messages + 1 mails, a number no other session of this class sends.
        List<String> disconnects = postfix.maillog().await(mark,
                Pattern.compile("disconnect from .* mail=" + (messages + 1) + " "), 1, LOG_WAIT);
        assertThat(disconnects.get(0)).as("no RCPT sent twice").contains(" rcpt=" + (3 * messages + 1) + " ");
    }

    private static long turnsPerMessage(PostfixServer postfix, boolean pipelining) {
        return turnsPerMessage(postfix, pipelining, null, MESSAGES);
    }

    private static long turnsPerMessage(PostfixServer postfix, boolean pipelining, String notify, int messages) {
        try (LatencyProxy proxy = LatencyProxy.start(PostfixServer.HOST, postfix.port(), Duration.ZERO,
                Duration.ZERO)) {
            Properties props = Mails.properties(postfix);
            props.setProperty("mail.smtp.port", Integer.toString(proxy.port()));
            if (notify != null) props.setProperty("mail.smtp.dsn.notify", notify);
            Session session = Session.getInstance(props);
            try (OutcomeMailer mailer = OutcomeMailer.builder(session).pipelining(pipelining).build()) {
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

    @Test
    void outcomesAreTheSameWithAndWithoutPipeliningAndPostfixFindsNothingImproper(PostfixServer postfix) {
        long mark = postfix.maillog().mark();
        List<String> plain = outcomes(postfix, false);
        List<String> pipelined = outcomes(postfix, true);
        assertThat(pipelined).isEqualTo(plain);
        assertThat(pipelined).anyMatch(o -> o.startsWith("Accepted")).anyMatch(o -> o.contains("550 5.1.1"))
                .anyMatch(o -> o.contains("551 5.1.6")).anyMatch(o -> o.contains("451 4.7.1"));
        postfix.maillog().await(mark, Pattern.compile("disconnect from "), 2, LOG_WAIT);
        assertThat(postfix.maillog().matching(mark, Pattern.compile("improper command pipelining"))).isEmpty();
        pipelined.forEach(o -> System.out.println("interop: pipelining " + o));
    }

    private static List<String> outcomes(PostfixServer postfix, boolean pipelining) {
        Session session = Mails.session(postfix);
        try (OutcomeMailer mailer = OutcomeMailer.builder(session).pipelining(pipelining).build()) {
            DeliveryReport report = mailer.send(Mails.message(session, MIXED));
            return report.recipients().stream().map(r -> r.outcome().name() + " "
                    + r.outcome().reply().map(reply -> reply.code() + " " + reply.enhancedStatus()
                            .map(Object::toString).orElse("")).orElse("-")).toList();
        }
    }

    @Test
    void postfixRefusesAClientThatPipelinesPastEhlo(PostfixServer postfix) throws IOException {
        try (Socket socket = new Socket(PostfixServer.HOST, postfix.port())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            assertThat(readReply(in)).startsWith("220 ");
            socket.getOutputStream().write(("EHLO client.test\r\nMAIL FROM:<" + Mails.SENDER
                    + ">\r\nRCPT TO:<alice@lab.test>\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(readReply(in)).contains("PIPELINING");
            assertThat(readReply(in)).startsWith("250 ");
            String rcpt = readReply(in);
            System.out.println("interop: pipelining past EHLO -> " + rcpt);
            assertThat(rcpt).startsWith("503 5.5.0").contains("Improper use of SMTP command pipelining");
        }
    }

    /** One whole reply, lines joined by "\n". */
    private static String readReply(InputStream in) throws IOException {
        StringBuilder reply = new StringBuilder();
        while (true) {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) throw new IOException("closed after: " + reply + line);
                if (b != '\r') line.append((char) b);
            }
            reply.append(reply.length() == 0 ? "" : "\n").append(line);
            if (line.length() < 4 || line.charAt(3) != '-') return reply.toString();
        }
    }
}
