package org.mailoutcome.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.testsupport.EximServer;
import org.mailoutcome.testsupport.RawClient;

/**
 * Exim advertises PIPELINING and enforces its synchronisation points ({@code smtp_enforce_sync}, PIPECONNECT off):
 * the mailer pipelines (round trips counted by a proxy, and Exim's own {@code L} field on each reception line), the
 * outcomes are the same with and without, and Exim logs no synchronisation error, while a client that writes past
 * EHLO, or writes the message before the 354, gets {@code 554 SMTP synchronization error}.
 */
@ExtendWith(EximExtension.class)
class EximPipeliningIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final Pattern SYNC_ERROR = Pattern.compile("(?i)synchronization error");
    private static final String[] MIXED = {"alice@lab.test", "nobody@lab.test", "moved@lab.test",
        "locked@lab.test", "bob@lab.test", "quota@lab.test", "relocated@lab.test", "carol@lab.test"};

    @Test
    void mailerPipelinesTheEnvelopeToEximInOneRoundTripAndEximLogsItAsPipelined(EximServer exim) {
        long mark = exim.mainlog().mark();
        long plain = Pipelined.turnsPerMessage(exim.port(), false, null);
        long pipelined = Pipelined.turnsPerMessage(exim.port(), true, "SUCCESS,FAILURE");
        System.out.println("interop: exim pipelining round trips per 3-recipient message: " + plain + " without, "
                + pipelined + " with");
        assertThat(plain).as("MAIL, 3 RCPT, DATA, the message: one round trip each").isEqualTo(6);
        assertThat(pipelined).as("MAIL + RCPTs (with NOTIFY) + DATA in one, then the message").isEqualTo(2);

        int messages = 2 * (Pipelined.MESSAGES + 1);
        List<String> received = exim.mainlog().await(mark, Pattern.compile(" <= " + Pattern.quote(Mails.SENDER)),
                messages, LOG_WAIT);
        assertThat(received.subList(0, messages / 2)).as("PIPELINING offered, not used")
                .allMatch(line -> line.contains(" L- "));
        assertThat(received.subList(messages / 2, messages)).as("PIPELINING used")
                .allMatch(line -> line.contains(" L "));
        assertThat(exim.mainlog().matching(mark, SYNC_ERROR)).isEmpty();
    }

    @Test
    void outcomesAreTheSameWithAndWithoutPipeliningAndEximLogsNoSynchronizationError(EximServer exim) {
        long mark = exim.mainlog().mark();
        List<String> plain = Pipelined.outcomes(exim.port(), false, MIXED);
        List<String> pipelined = Pipelined.outcomes(exim.port(), true, MIXED);

        assertThat(pipelined).isEqualTo(plain);
        assertThat(pipelined).anyMatch(o -> o.startsWith("Accepted 250")).anyMatch(o -> o.contains("550 "))
                .anyMatch(o -> o.contains("551 5.1.6")).anyMatch(o -> o.contains("451 "))
                .anyMatch(o -> o.contains("452 4.2.2"));
        // Exim logs a reception before its 250 to the data, and a synchronisation error before that.
        assertThat(exim.mainlog().matching(mark, Pattern.compile(" <= " + Pattern.quote(Mails.SENDER)
                + " .* for alice@lab.test bob@lab.test carol@lab.test$"))).hasSize(2);
        assertThat(exim.mainlog().matching(mark, SYNC_ERROR)).isEmpty();
        pipelined.forEach(o -> System.out.println("interop: exim pipelining " + o));
    }

    @Test
    void eximRefusesAClientThatWritesPastEhlo(EximServer exim) throws IOException {
        long mark = exim.mainlog().mark();
        String reply;
        try (RawClient client = RawClient.greeted(EximServer.HOST, exim.port())) {
            client.write("EHLO client.test\r\nMAIL FROM:<" + Mails.SENDER + ">\r\n");
            reply = client.readReply();
        }
        System.out.println("interop: exim pipelining past EHLO -> " + reply);
        assertThat(reply).isEqualTo("554 SMTP synchronization error");
        assertThat(exim.mainlog().await(mark, SYNC_ERROR, 1, LOG_WAIT)).singleElement().asString()
                .contains("rejected \"EHLO client.test\"").contains("next input=\"MAIL FROM:<" + Mails.SENDER);
    }

    @Test
    void eximRefusesAClientThatWritesTheMessageBeforeThe354(EximServer exim) throws IOException {
        long mark = exim.mainlog().mark();
        String ehlo;
        String replies;
        try (RawClient client = RawClient.greeted(EximServer.HOST, exim.port())) {
            ehlo = client.send("EHLO client.test");
            client.write("MAIL FROM:<" + Mails.SENDER + ">\r\nRCPT TO:<alice@lab.test>\r\nDATA\r\n"
                    + "Subject: too soon\r\n\r\nwritten before the 354\r\n.\r\n");
            replies = client.readReply() + " | " + client.readReply() + " | " + client.readReply();
        }
        System.out.println("interop: exim message before 354 -> " + replies);
        assertThat(ehlo).contains("\n250-PIPELINING").doesNotContain("PIPECONNECT");
        assertThat(replies).isEqualTo("250 OK | 250 Accepted | 554 SMTP synchronization error");
        assertThat(exim.mainlog().await(mark, SYNC_ERROR, 1, LOG_WAIT)).singleElement().asString()
                .contains("rejected \"DATA\"");
    }
}
