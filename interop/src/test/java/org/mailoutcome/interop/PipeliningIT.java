package org.mailoutcome.interop;

import org.mailoutcome.testsupport.PostfixServer;
import org.mailoutcome.testsupport.RawClient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Postfix advertises PIPELINING and checks it ({@code reject_unauth_pipelining} in the recipient restrictions), and
 * CHUNKING: the mailer pipelines, and with BDAT writes MAIL, the RCPTs and the message in one flight (round trips
 * counted by a proxy); the outcomes are the same with and without either, and Postfix finds nothing improper in it,
 * while a client that writes past EHLO is refused.
 */
@ExtendWith(PostfixExtension.class)
class PipeliningIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final String[] MIXED = {"alice@lab.test", "nobody@lab.test", "moved551@lab.test",
        "grey@lab.test", "bob@lab.test", "reject2@lab.test", "carol@lab.test"};

    @Test
    void mailerSendsAMessageToPostfixInOneRoundTripWithPipeliningAndChunking(PostfixServer postfix) {
        long mark = postfix.maillog().mark();
        // a number of messages per mode that no other session of this class sends, to find each one's log line
        int base = Pipelined.MESSAGES;
        long lockStep = Pipelined.turnsPerMessage(postfix.port(), false, false, null, base + 3);
        long lockStepBdat = Pipelined.turnsPerMessage(postfix.port(), false, true, null, base + 4);
        long pipelined = Pipelined.turnsPerMessage(postfix.port(), true, false, null, base + 5);
        long flight = Pipelined.turnsPerMessage(postfix.port(), true, true, null, base + 6);
        System.out.println("interop: round trips per 3-recipient message: " + lockStep + " lock-step, "
                + lockStepBdat + " lock-step with BDAT, " + pipelined + " pipelined with DATA, " + flight
                + " pipelined with BDAT");
        assertThat(lockStep).as("MAIL, 3 RCPT, DATA, the message: one round trip each").isEqualTo(6);
        assertThat(lockStepBdat).as("MAIL, 3 RCPT, BDAT LAST with the message").isEqualTo(5);
        assertThat(pipelined).as("MAIL + RCPTs + DATA in one, then the message").isEqualTo(2);
        assertThat(flight).as("MAIL + RCPTs + BDAT LAST with the message in one").isEqualTo(1);
        for (int messages = base + 3; messages <= base + 6; messages++) {
            int mails = messages + 1;
            String content = messages == base + 4 || messages == base + 6 ? " bdat=" : " data=";
            List<String> disconnect = postfix.maillog().await(mark,
                    Pattern.compile("disconnect from .* mail=" + mails + " "), 1, LOG_WAIT);
            assertThat(disconnect.get(0)).contains(content + mails + " ");
        }
    }

    @Test
    void dsnNotifyGoesIntoThePipelinedRcptsAsAngusWritesIt(PostfixServer postfix) {
        long mark = postfix.maillog().mark();
        int messages = Pipelined.MESSAGES + 2;
        assertThat(Pipelined.turnsPerMessage(postfix.port(), true, true, "SUCCESS,FAILURE", messages))
                .as("Postfix offers DSN").isEqualTo(1);
        // Postfix logs asynchronously, so an earlier test's disconnect can come after the mark: this session is the
        // one that sent messages + 1 mails, a number no other session of this class sends.
        List<String> disconnects = postfix.maillog().await(mark,
                Pattern.compile("disconnect from .* mail=" + (messages + 1) + " "), 1, LOG_WAIT);
        assertThat(disconnects.get(0)).as("no RCPT sent twice").contains(" rcpt=" + (3 * messages + 1) + " ");
    }

    @Test
    void outcomesAreTheSameWithAndWithoutPipeliningAndChunkingAndPostfixFindsNothingImproper(PostfixServer postfix) {
        long mark = postfix.maillog().mark();
        List<String> plain = Pipelined.outcomes(postfix.port(), false, false, MIXED);
        List<String> pipelined = Pipelined.outcomes(postfix.port(), true, false, MIXED);
        List<String> chunked = Pipelined.outcomes(postfix.port(), false, true, MIXED);
        List<String> flight = Pipelined.outcomes(postfix.port(), true, true, MIXED);
        assertThat(pipelined).isEqualTo(plain);
        assertThat(chunked).isEqualTo(plain);
        assertThat(flight).isEqualTo(plain);
        assertThat(pipelined).anyMatch(o -> o.startsWith("Accepted")).anyMatch(o -> o.contains("550 5.1.1"))
                .anyMatch(o -> o.contains("551 5.1.6")).anyMatch(o -> o.contains("451 4.7.1"));
        postfix.maillog().await(mark, Pattern.compile("disconnect from "), 4, LOG_WAIT);
        assertThat(postfix.maillog().matching(mark, Pattern.compile("improper command pipelining"))).isEmpty();
        pipelined.forEach(o -> System.out.println("interop: pipelining " + o));
    }

    @Test
    void postfixRefusesAClientThatPipelinesPastEhlo(PostfixServer postfix) throws IOException {
        try (RawClient client = RawClient.greeted(PostfixServer.HOST, postfix.port())) {
            client.write("EHLO client.test\r\nMAIL FROM:<" + Mails.SENDER + ">\r\nRCPT TO:<alice@lab.test>\r\n"
                    + "QUIT\r\n");
            assertThat(client.readReply()).contains("PIPELINING");
            assertThat(client.readReply()).startsWith("250 ");
            String rcpt = client.readReply();
            System.out.println("interop: pipelining past EHLO -> " + rcpt);
            assertThat(rcpt).startsWith("503 5.5.0").contains("Improper use of SMTP command pipelining");
        }
    }
}
