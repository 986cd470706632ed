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
 * Postfix advertises PIPELINING and checks it ({@code reject_unauth_pipelining} in the recipient restrictions):
 * the mailer pipelines (round trips counted by a proxy), the outcomes are the same with and without, and Postfix
 * finds nothing improper in it, while a client that writes past EHLO is refused.
 */
@ExtendWith(PostfixExtension.class)
class PipeliningIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final String[] MIXED = {"alice@lab.test", "nobody@lab.test", "moved551@lab.test",
        "grey@lab.test", "bob@lab.test", "reject2@lab.test", "carol@lab.test"};

    @Test
    void mailerPipelinesTheEnvelopeToPostfixInOneRoundTrip(PostfixServer postfix) {
        long plain = Pipelined.turnsPerMessage(postfix.port(), false, null);
        long pipelined = Pipelined.turnsPerMessage(postfix.port(), true, null);
        System.out.println("interop: pipelining round trips per 3-recipient message: " + plain + " without, "
                + pipelined + " with");
        assertThat(plain).as("MAIL, 3 RCPT, DATA, the message: one round trip each").isEqualTo(6);
        assertThat(pipelined).as("MAIL + RCPTs + DATA in one, then the message").isEqualTo(2);
    }

    @Test
    void dsnNotifyGoesIntoThePipelinedRcptsAsAngusWritesIt(PostfixServer postfix) {
        long mark = postfix.maillog().mark();
        int messages = Pipelined.MESSAGES + 2;
        assertThat(Pipelined.turnsPerMessage(postfix.port(), true, "SUCCESS,FAILURE", messages))
                .as("Postfix offers DSN").isEqualTo(2);
        // Postfix logs asynchronously, so an earlier test's disconnect can come after the mark: this session is the
        // one that sent messages + 1 mails, a number no other session of this class sends.
        List<String> disconnects = postfix.maillog().await(mark,
                Pattern.compile("disconnect from .* mail=" + (messages + 1) + " "), 1, LOG_WAIT);
        assertThat(disconnects.get(0)).as("no RCPT sent twice").contains(" rcpt=" + (3 * messages + 1) + " ");
    }

    @Test
    void outcomesAreTheSameWithAndWithoutPipeliningAndPostfixFindsNothingImproper(PostfixServer postfix) {
        long mark = postfix.maillog().mark();
        List<String> plain = Pipelined.outcomes(postfix.port(), false, MIXED);
        List<String> pipelined = Pipelined.outcomes(postfix.port(), true, MIXED);
        assertThat(pipelined).isEqualTo(plain);
        assertThat(pipelined).anyMatch(o -> o.startsWith("Accepted")).anyMatch(o -> o.contains("550 5.1.1"))
                .anyMatch(o -> o.contains("551 5.1.6")).anyMatch(o -> o.contains("451 4.7.1"));
        postfix.maillog().await(mark, Pattern.compile("disconnect from "), 2, LOG_WAIT);
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
