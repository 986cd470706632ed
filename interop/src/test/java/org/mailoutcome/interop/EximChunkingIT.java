package org.mailoutcome.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.testkit.LatencyProxy;
import org.mailoutcome.testsupport.EximServer;
import org.mailoutcome.testsupport.RawClient;

/**
 * Exim advertises CHUNKING (RFC 3030) beside PIPELINING, SIZE and, on its DSN port, DSN; a plain Angus transport
 * given {@code mail.smtp.chunksize} sends the message in BDAT chunks, which Exim takes (its {@code K} field on the
 * reception line), delivers and finds no synchronisation error in; except that Angus dot-stuffs them. The mailer
 * sends MAIL, the RCPTs and {@code BDAT <size> LAST} with the message in one flight (one round trip per message,
 * Exim's {@code K} and {@code L} fields), without a synchronisation error, with the outcomes of the DATA dialogue,
 * and its BDAT content keeps a leading dot single.
 */
@ExtendWith(EximExtension.class)
class EximChunkingIT {
    private static final Duration LOG_WAIT = Duration.ofSeconds(10);
    private static final int CHUNK = 1000;

    @Test
    void eximAdvertisesChunkingPipeliningAndSizeOnBothPortsAndDsnOnlyOnItsDsnPort(EximServer exim)
            throws IOException {
        String dsn = ehlo(exim.port());
        String noDsn = ehlo(exim.noDsnPort());
        System.out.println("interop: exim EHLO on the DSN port:\n" + dsn);

        for (String reply : List.of(dsn, noDsn)) {
            assertThat(reply.lines()).contains("250-CHUNKING", "250-PIPELINING", "250-SIZE 10485760")
                    .noneMatch(line -> line.contains("PIPECONNECT") || line.contains("STARTTLS"));
        }
        assertThat(dsn.lines()).contains("250-DSN");
        assertThat(noDsn.lines()).noneMatch(line -> line.contains("DSN"));
    }

    @Test
    void aPlainAngusTransportWithAChunkSizeDeliversThroughEximInBdatChunks(EximServer exim) throws Exception {
        String body = ("0123456789".repeat(7) + "\r\n").repeat(40) + "the end\r\n";
        Delivered delivered = sendInChunks(exim, body);

        assertThat(delivered.received()).as("Exim's K field: CHUNKING used").contains(" K ");
        assertThat(delivered.turns()).as("EHLO, MAIL, RCPT, a BDAT per chunk of " + CHUNK + " bytes, QUIT")
                .isGreaterThanOrEqualTo(4 + body.length() / CHUNK);
        assertThat(delivered.mailbox()).contains(body.replace("\r\n", "\n"));
    }

    /**
     * Angus 2.0.5 writes BDAT chunks through its DATA stream's dot-stuffing (angus-mail issue 209), and BDAT has no
     * transparency to undo it: Exim delivers each line that began with a dot with one dot more. This test fails
     * when Angus stops doing so; the project's own BDAT must not.
     */
    @Test
    void angusDotStuffsItsBdatChunksAndEximDeliversTheDoubledDots(EximServer exim) throws Exception {
        String body = "first line\r\n.a line that starts with a dot\r\n.\r\nlast line\r\n";
        Delivered delivered = sendInChunks(exim, body);

        assertThat(delivered.received()).contains(" K ");
        assertThat(delivered.mailbox()).contains("first line\n..a line that starts with a dot\n..\nlast line\n")
                .doesNotContain(body.replace("\r\n", "\n"));
    }

    @Test
    void theMailerSendsEachMessageInOneFlightWithBdatAndEximFindsNoSynchronizationError(EximServer exim) {
        long mark = exim.mainlog().mark();
        long turns = Pipelined.turnsPerMessage(exim.port(), true, true, "SUCCESS,FAILURE", Pipelined.MESSAGES);
        System.out.println("interop: exim round trips per 3-recipient message, pipelining and CHUNKING: " + turns);
        assertThat(turns).as("MAIL + RCPTs (with NOTIFY) + BDAT LAST with the message in one").isEqualTo(1);
        List<String> received = exim.mainlog().await(mark, Pattern.compile(" <= " + Pattern.quote(Mails.SENDER)),
                Pipelined.MESSAGES + 1, LOG_WAIT);
        assertThat(received).as("CHUNKING (K) and PIPELINING (L) used for every message")
                .allMatch(line -> line.contains(" K ") && line.contains(" L "));
        assertThat(exim.mainlog().matching(mark, Pattern.compile("(?i)synchronization error"))).isEmpty();
    }

    @Test
    void theOutcomesWithBdatAreThoseOfData(EximServer exim) {
        String[] mixed = {"alice@lab.test", "nobody@lab.test", "moved@lab.test", "locked@lab.test", "bob@lab.test",
            "quota@lab.test", "relocated@lab.test", "carol@lab.test"};
        long mark = exim.mainlog().mark();
        List<String> data = Pipelined.outcomes(exim.port(), true, false, mixed);
        List<String> bdat = Pipelined.outcomes(exim.port(), true, true, mixed);
        assertThat(bdat).isEqualTo(data).anyMatch(o -> o.startsWith("Accepted 250")).anyMatch(o -> o.contains("550 "));
        assertThat(exim.mainlog().matching(mark, Pattern.compile("(?i)synchronization error"))).isEmpty();
        bdat.forEach(o -> System.out.println("interop: exim chunking " + o));
    }

    @Test
    void theMailersBdatKeepsALineThatStartsWithADotAsItIs(EximServer exim) throws Exception {
        String body = "first line\r\n.a line that starts with a dot\r\n.\r\nlast line\r\n";
        long mark = exim.mainlog().mark();
        Session session = Session.getInstance(Mails.properties(exim.port()));
        MimeMessage message = Mails.textMessage(session, body, "carol@lab.test");
        try (OutcomeMailer mailer = OutcomeMailer.create(session)) {
            assertThat(mailer.send(message).isFullyAccepted()).isTrue();
        }
        String id = message.getMessageID().substring(1, message.getMessageID().length() - 1);
        String received = exim.mainlog().await(mark, Pattern.compile(" <= " + Pattern.quote(Mails.SENDER)
                + " .* id=" + Pattern.quote(id) + " "), 1, LOG_WAIT).get(0);
        assertThat(received).contains(" K ");
        exim.mainlog().await(mark, Pattern.compile(received.split(" ")[2] + " => carol <carol@lab.test> "), 1,
                LOG_WAIT);
        String mailbox = Files.readString(exim.mailbox("carol"), StandardCharsets.US_ASCII);
        assertThat(mailbox).contains("Message-ID: " + message.getMessageID())
                .contains("first line\n.a line that starts with a dot\n.\nlast line\n");
    }

    /** What Exim logged on receiving a message, how many turns the client took, and the mailbox after delivery. */
    private record Delivered(String received, long turns, String mailbox) {
    }

    /** Sends the body to carol with Angus alone in chunks; waits for Exim to deliver it. */
    private static Delivered sendInChunks(EximServer exim, String body) throws MessagingException, IOException {
        long mark = exim.mainlog().mark();
        long turns;
        String messageId;
        try (LatencyProxy proxy = LatencyProxy.start(EximServer.HOST, exim.port(), Duration.ZERO, Duration.ZERO)) {
            Properties props = Mails.properties(proxy.port());
            props.setProperty("mail.smtp.chunksize", Integer.toString(CHUNK));
            messageId = send(Session.getInstance(props), body);
            turns = proxy.clientTurns();
        }
        String id = messageId.substring(1, messageId.length() - 1);
        String received = exim.mainlog().await(mark, Pattern.compile(" <= " + Pattern.quote(Mails.SENDER)
                + " .* id=" + Pattern.quote(id) + " "), 1, LOG_WAIT).get(0);
        System.out.println("interop: exim BDAT in " + turns + " client turns, received: " + received);
        String queueId = received.split(" ")[2];
        exim.mainlog().await(mark, Pattern.compile(queueId + " => carol <carol@lab.test> "), 1, LOG_WAIT);
        assertThat(exim.mainlog().matching(mark, Pattern.compile("(?i)synchronization error"))).isEmpty();
        String mailbox = Files.readString(exim.mailbox("carol"), StandardCharsets.US_ASCII);
        int start = mailbox.indexOf("Message-ID: " + messageId + "\n");
        assertThat(start).as("the message in carol's mailbox").isNotNegative();
        int next = mailbox.indexOf("\nFrom ", start);
        return new Delivered(received, turns, mailbox.substring(start, next < 0 ? mailbox.length() : next + 1));
    }

    /** Sends with Angus alone (no OutcomeMailer) to carol; the message's Message-ID. */
    private static String send(Session session, String body) throws MessagingException {
        MimeMessage message = Mails.textMessage(session, body, "carol@lab.test");
        Transport.send(message);
        return message.getMessageID();
    }

    private static String ehlo(int port) throws IOException {
        try (RawClient client = RawClient.greeted(EximServer.HOST, port)) {
            String reply = client.send("EHLO client.test");
            client.send("QUIT");
            return reply;
        }
    }
}
