package org.mailoutcome.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.DeliveryOutcome.ConnectionLost;
import org.mailoutcome.DeliveryOutcome.ServiceUnavailable;
import org.mailoutcome.DeliveryOutcome.StorageExceeded;
import org.mailoutcome.Stage;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.testkit.ReceivedMessage;
import org.mailoutcome.testkit.ReplyPackets;
import org.mailoutcome.testkit.SmtpServer;
import org.mailoutcome.testkit.SmtpSession;
import org.mailoutcome.testkit.Verb;

/**
 * RFC 3030 CHUNKING with pipelining: MAIL, every RCPT and {@code BDAT <size> LAST} with the message in one flight,
 * the replies read in order, and every guarantee of the DATA dialogue kept (each case sent with and without chunking
 * and pipelining where the outcomes must be the same): one outcome per recipient, a BDAT reply after every recipient
 * was refused is no delivery (RFC 3030 section 4.2), a refused MAIL, the 452 4.5.3 split, a close before the BDAT
 * reply (maybe delivered), a 421 at BDAT, a reply split across packets, a message over the server's SIZE, several
 * chunks, and a line that starts with a dot arriving with one dot.
 */
class ChunkingIT {
    static final Duration TIMEOUT = Duration.ofMillis(800);

    /** How the mailer writes the transaction. */
    enum Mode {
        LOCK_STEP(false, false), PIPELINED(true, false), CHUNKED(false, true), FLIGHT(true, true);

        final boolean pipelining;
        final boolean chunking;

        Mode(boolean pipelining, boolean chunking) {
            this.pipelining = pipelining;
            this.chunking = chunking;
        }
    }

    /** What one send left behind. */
    record Run(DeliveryReport report, DeliveryReport after, List<SmtpSession> sessions, List<ReceivedMessage> mine,
            int connections) {
        List<String> outcomes() {
            return report.recipients().stream().map(r -> r.outcome().name() + "@" + r.outcome().stage() + " "
                    + r.outcome().reply().map(Object::toString).orElse("-")).toList();
        }

        List<List<String>> flights() {
            return sessions.stream().flatMap(s -> s.flights().stream()).toList();
        }
    }

    static SmtpServer.Builder server() {
        return SmtpServer.builder().pipelining(true).chunking(true);
    }

    static Run send(SmtpServer.Builder builder, Mode mode, MessageMaker message, List<String> envelope,
            Consumer<SmtpServer> script) {
        try (SmtpServer server = builder.start()) {
            script.accept(server);
            Session session = Session.getInstance(server.clientProperties());
            DeliveryReport report;
            DeliveryReport after;
            try (OutcomeMailer mailer = OutcomeMailer.builder(session).pipelining(mode.pipelining)
                    .chunking(mode.chunking).connectTimeout(TIMEOUT).readTimeout(TIMEOUT).writeTimeout(TIMEOUT)
                    .build()) {
                report = mailer.send(message.make(session, envelope));
                after = mailer.send(Messages.message(session, "after", List.of("after@example.test")));
            }
            server.awaitOpenConnections(0, Duration.ofSeconds(5));
            List<ReceivedMessage> mine = server.messages().stream()
                    .filter(m -> !m.envelopeRecipients().contains("after@example.test")).toList();
            Invariants.check(report, envelope, mine, mode.chunking && mode.pipelining);
            assertThat(after.isFullyAccepted()).as("the next send: " + after).isTrue();
            return new Run(report, after, server.sessions(), mine, server.connectionsAccepted());
        }
    }

    /** Makes the message of a send. */
    @FunctionalInterface
    interface MessageMaker {
        MimeMessage make(Session session, List<String> envelope);
    }

    static final MessageMaker PLAIN = (session, envelope) -> Messages.message(session, "chunked", envelope);

    static Run send(SmtpServer.Builder builder, Mode mode, List<String> envelope, Consumer<SmtpServer> script) {
        return send(builder, mode, PLAIN, envelope, script);
    }

    /** Sends in every mode; the outcomes must be the same; the run in one flight is returned. */
    static Run everyMode(SmtpServer.Builder builder, List<String> envelope, Consumer<SmtpServer> script) {
        Run reference = send(builder, Mode.LOCK_STEP, envelope, script);
        Run flight = null;
        for (Mode mode : Mode.values()) {
            Run run = send(builder, mode, envelope, script);
            assertThat(run.outcomes()).as(mode + ": the same outcomes as in lock-step").isEqualTo(reference.outcomes());
            if (mode == Mode.FLIGHT) flight = run;
        }
        return flight;
    }

    /** Sends with BDAT, in lock-step and in one flight (for scripts of BDAT itself); the outcomes must be the same. */
    static Run withBdat(SmtpServer.Builder builder, List<String> envelope, Consumer<SmtpServer> script) {
        Run lockStep = send(builder, Mode.CHUNKED, envelope, script);
        Run flight = send(builder, Mode.FLIGHT, envelope, script);
        assertThat(flight.outcomes()).as("the same outcomes in one flight as in lock-step")
                .isEqualTo(lockStep.outcomes());
        return flight;
    }

    static List<String> flight(List<String> envelope, String bdat) {
        List<String> lines = new ArrayList<>();
        lines.add("MAIL FROM:<" + Messages.SENDER + ">");
        envelope.forEach(a -> lines.add("RCPT TO:<" + a + ">"));
        lines.add(bdat);
        return lines;
    }

    private static boolean lastChunk(List<String> flight) {
        return flight.get(flight.size() - 1).matches("BDAT \\d+ LAST");
    }

    @Test
    void mailEveryRcptAndTheLastChunkWithTheMessageGoInOneFlight() {
        List<String> envelope = Messages.recipients(20);
        Run run = send(server(), Mode.FLIGHT, envelope, s -> { });
        assertThat(run.report().isFullyAccepted()).isTrue();
        List<String> flight = run.flights().stream().filter(ChunkingIT::lastChunk).findFirst().orElseThrow();
        assertThat(flight.subList(0, 21)).isEqualTo(flight(envelope, "").subList(0, 21));
        assertThat(flight).hasSize(22);
        assertThat(run.mine()).singleElement().satisfies(m -> assertThat(m.envelopeRecipients()).isEqualTo(envelope));
        assertThat(run.report().queueId()).isPresent();
        assertThat(run.connections()).isEqualTo(1);
    }

    @Test
    void everyKindOfRcptReplyGivesTheSameOutcomesInEveryModeAndEveryPacketing() {
        List<String> envelope = Messages.recipients(6);
        Consumer<SmtpServer> script = Messages::everyKindOfRcptReply;
        for (ReplyPackets packets : ReplyPackets.values()) {
            Run run = everyMode(server().replyPackets(packets), envelope, script);
            assertThat(run.mine()).singleElement().satisfies(m -> assertThat(m.envelopeRecipients())
                    .containsExactly("r1@example.test", "r2@example.test", "r3@example.test"));
        }
    }

    @Test
    void aBdatReplyAfterEveryRecipientWasRefusedIsNoDelivery() {
        List<String> envelope = Messages.recipients(3);
        Run run = withBdat(server(), envelope, s -> {
            s.on(Verb.RCPT, "r*@*").reply("550 5.1.1 Recipient address rejected: User unknown");
            s.on(Verb.BDAT, "* LAST").times(1).reply("250 2.0.0 Ok: 99 bytes queued as NOTREALLY");
        });
        assertThat(run.report().recipients()).allMatch(r -> r.outcome().code().orElse(0) == 550);
        assertThat(run.report().messageOutcome()).isEmpty();
        assertThat(run.report().queueId()).isEmpty();
    }

    @Test
    void aRefusedMailGivesEveryoneItsOutcomeAndTheConnectionIsKept() {
        List<String> envelope = Messages.recipients(4);
        Run run = everyMode(server(), envelope, s -> s.on(Verb.MAIL, Messages.SENDER).times(1)
                .reply("550 5.7.1 <sender@client.test>: Sender address rejected: Access denied"));
        assertThat(run.report().recipients()).allMatch(r -> r.outcome().stage() == Stage.MAIL);
        assertThat(run.mine()).isEmpty();
        assertThat(run.connections()).isEqualTo(1);
    }

    @Test
    void tooManyRecipientsSplitsIntoTransactionsOfOneFlightEach() {
        List<String> envelope = Messages.recipients(7);
        Run run = everyMode(server().maxRecipients(3), envelope, s -> { });
        assertThat(run.report().isFullyAccepted()).isTrue();
        assertThat(run.mine()).extracting(ReceivedMessage::envelopeRecipients).containsExactly(envelope.subList(0, 3),
                envelope.subList(3, 6), envelope.subList(6, 7));
        assertThat(run.flights()).filteredOn(ChunkingIT::lastChunk).hasSize(4); // 3 + the next send
        assertThat(run.connections()).isEqualTo(1);
    }

    @Test
    void aCloseBeforeTheReplyToTheLastChunkLeavesTheMessageMaybeDelivered() {
        Run run = send(server(), Mode.FLIGHT, Messages.recipients(2),
                s -> s.on(Verb.BDAT, "* LAST").times(1).closeBeforeReply());
        assertThat(run.report().recipients()).allSatisfy(r -> assertThat(r.outcome())
                .isInstanceOfSatisfying(ConnectionLost.class, lost -> assertThat(lost.isMaybeDelivered()).isTrue()));
        assertThat(run.connections()).isEqualTo(2);
    }

    @Test
    void aCloseBeforeAnyReplyOnANewConnectionTookNothingOfTheMessage() {
        Run run = send(server(), Mode.FLIGHT, Messages.recipients(2),
                s -> s.on(Verb.MAIL, Messages.SENDER).times(1).closeBeforeReply());
        assertThat(run.report().recipients()).allSatisfy(r -> assertThat(r.outcome())
                .isInstanceOfSatisfying(ConnectionLost.class, lost -> assertThat(lost.stage()).isEqualTo(Stage.MAIL)));
        assertThat(run.mine()).isEmpty();
    }

    @Test
    void aServiceUnavailableAtTheLastChunkIsTransientAndNotDelivered() {
        Run run = withBdat(server(), Messages.recipients(3), s -> s.on(Verb.BDAT, "* LAST").times(1)
                .serviceUnavailable());
        assertThat(run.report().recipients()).allSatisfy(r -> assertThat(r.outcome())
                .isInstanceOf(ServiceUnavailable.class));
        assertThat(run.mine()).isEmpty();
    }

    @Test
    void aServiceUnavailableAtAnRcptExplainsTheRepliesLostAfterIt() {
        Run run = send(server(), Mode.FLIGHT, Messages.recipients(4), s -> s.on(Verb.RCPT, "r2@*").times(1)
                .serviceUnavailable());
        assertThat(run.report().recipients()).allSatisfy(r -> assertThat(r.outcome()).as(r.toString())
                .isInstanceOf(ServiceUnavailable.class));
        assertThat(run.mine()).isEmpty();
    }

    @Test
    void aMessageOverTheServersSizeIsRefusedAtTheChunkAndTheConnectionIsKept() {
        MessageMaker big = (session, envelope) -> Messages.message(session, "big", envelope, "x".repeat(3000));
        for (Mode mode : Mode.values()) {
            Run run = send(server().maxMessageSize(2000), mode, big, Messages.recipients(2), s -> { });
            DeliveryOutcome message = run.report().messageOutcome().orElseThrow();
            assertThat(message).as(mode.name()).isInstanceOf(StorageExceeded.class);
            assertThat(message.stage()).isEqualTo(Stage.MESSAGE);
            assertThat(run.report().recipients()).extracting(RecipientOutcome::outcome).containsOnly(message);
            assertThat(run.connections()).as(mode.name()).isEqualTo(1);
        }
    }

    @Test
    void aMessageBiggerThanAChunkGoesInSeveralChunksIntactAndALeadingDotStaysOne() throws Exception {
        String body = ".starts with a dot\r\n" + "y".repeat(76).concat("\r\n").repeat(20_000) + "..two dots\r\n";
        MessageMaker big = (session, envelope) -> Messages.message(session, "several", envelope, body);
        Run run = send(server(), Mode.FLIGHT, big, Messages.recipients(2), s -> { });
        assertThat(run.report().isFullyAccepted()).isTrue();
        assertThat(run.sessions().get(0).commands()).filteredOn(c -> c.startsWith("BDAT")).hasSizeGreaterThan(1)
                .last().asString().endsWith(" LAST");
        ReceivedMessage received = run.mine().get(0);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        Messages.message(Session.getInstance(new java.util.Properties()), "several", Messages.recipients(2), body)
                .writeTo(new org.eclipse.angus.mail.util.CRLFOutputStream(sent));
        assertThat(received.text()).contains("\r\n.starts with a dot\r\n").contains("\r\n..two dots\r\n");
        assertThat(received.mimeMessage().getContent().toString()).isEqualTo(body);
        assertThat(received.bytes().length).isGreaterThan(1 << 20);
    }
}
