package org.mailoutcome.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The flight against a scripted link, driven as Angus drives the transport (a command, then a read of its reply),
 * with Postfix 3.7's replies: nothing is written until Angus has written the transaction, then it goes in one held
 * write; the transcript records what Angus would have seen (DATA) or everything (BDAT).
 */
class FlightTest {
    static final String MAIL = "MAIL FROM:<sender@client.test>";
    static final String OK_MAIL = "250 2.1.0 Ok";
    static final String OK_RCPT = "250 2.1.5 Ok";
    static final String GO_AHEAD = "354 End data with <CR><LF>.<CR><LF>";
    static final String UNKNOWN = "550 5.1.1 <nobody@lab.test>: Recipient address rejected: User unknown in local "
            + "recipient table";
    static final String NO_VALID = "554 5.5.1 Error: no valid recipients";
    static final String QUEUED = "250 2.0.0 Ok: 316 bytes queued as 26D7FEA4542";

    /** Records what is written and serves scripted replies ("EOF" for a closed connection). */
    static final class ScriptedLink implements Flight.Link {
        final List<String> events = new ArrayList<>();
        final Deque<String> replies = new ArrayDeque<>();

        ScriptedLink replies(String... lines) {
            replies.addAll(List.of(lines));
            return this;
        }

        @Override
        public void send(String command) {
            events.add(command);
        }

        @Override
        public void write(byte[] bytes, int length) {
            events.add("<" + new String(bytes, 0, length, StandardCharsets.US_ASCII) + ">");
        }

        @Override
        public void hold() {
            events.add("hold");
        }

        @Override
        public void release() {
            events.add("release");
        }

        @Override
        public void discard() {
            events.add("discard");
        }

        @Override
        public ReadReply read() {
            events.add("read");
            String reply = replies.poll();
            if (reply == null || reply.equals("EOF")) return ReadReply.closed("connection closed by the server");
            return ReadReply.of(Integer.parseInt(reply.substring(0, 3)), reply);
        }

        List<String> writes() {
            return events.stream().filter(e -> !e.equals("read")).toList();
        }
    }

    private final ScriptedLink link = new ScriptedLink();
    private final Transcript transcript = new Transcript();
    private final Flight flight = new Flight(link, transcript);
    private final Pipelining pipelining = new Pipelining(true);

    private void begin() {
        begin(pipelining);
    }

    private void begin(Pipelining on) {
        transcript.clear();
        flight.begin(Optional.of(on), true);
    }

    /** Angus's mailFrom and rcptTo: each line held, each answered 250 for now. */
    private void envelope(String... rcpts) throws MessagingException {
        assertThat(flight.hold(MAIL)).isTrue();
        assertThat(flight.answer()).isEqualTo(250);
        for (String rcpt : rcpts) {
            assertThat(flight.hold("RCPT TO:<" + rcpt + ">")).isTrue();
            assertThat(flight.answer()).isEqualTo(250);
        }
    }

    /** Angus's data(): DATA held, its reply read through the flight. */
    private int data() throws MessagingException {
        assertThat(flight.hold("DATA")).isTrue();
        return flight.answer();
    }

    private List<String> recorded() {
        return transcript.exchanges().stream().map(e -> e.command() + " -> " + e.reply().orElse("(lost)")).toList();
    }

    private static BdatContent content(String text) throws IOException {
        BdatContent content = new BdatContent(BdatContent.CHUNK);
        OutputStream out = content.start((b, n) -> { });
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        content.end();
        return content;
    }

    @Nested
    class WithData {
        @Test
        void nothingIsWrittenUntilAngusReadsTheReplyToDataThenAllInOneHeldWrite() throws MessagingException {
            link.replies(OK_MAIL, OK_RCPT, OK_RCPT, GO_AHEAD);
            begin();
            envelope("alice@lab.test", "bob@lab.test");
            assertThat(link.events).isEmpty();
            assertThat(data()).isEqualTo(354);
            assertThat(link.writes()).containsExactly("hold", MAIL, "RCPT TO:<alice@lab.test>",
                    "RCPT TO:<bob@lab.test>", "DATA", "release");
            assertThat(recorded()).containsExactly(MAIL + " -> " + OK_MAIL, "RCPT TO:<alice@lab.test> -> " + OK_RCPT,
                    "RCPT TO:<bob@lab.test> -> " + OK_RCPT, "DATA -> " + GO_AHEAD);
            assertThat(flight.isComposing()).isFalse();
            assertThat(flight.isClean()).isTrue();
        }

        @Test
        void aRefusedMailIsAllAngusSeesAndTheReplyToDataStopsIt() throws MessagingException {
            link.replies("553 5.7.1 <sender@client.test>: Sender address rejected: not owned by user",
                    "503 5.5.1 Error: need MAIL command", "503 5.5.1 Error: need MAIL command");
            begin();
            envelope("alice@lab.test");
            assertThat(data()).isEqualTo(503);
            assertThat(recorded()).singleElement().asString().startsWith(MAIL + " -> 553");
            assertThat(flight.isClean()).isTrue();
        }

        @Test
        void whenEveryRcptIsRefusedTheTranscriptStopsBeforeDataAsAngusWould() throws MessagingException {
            link.replies(OK_MAIL, UNKNOWN, NO_VALID);
            begin();
            envelope("nobody@lab.test");
            assertThat(data()).isEqualTo(554);
            assertThat(recorded()).containsExactly(MAIL + " -> " + OK_MAIL, "RCPT TO:<nobody@lab.test> -> " + UNKNOWN);
        }

        @Test
        void dataAcceptedAfterEveryRcptWasRefusedIsEndedWithALoneDot() throws MessagingException {
            link.replies(OK_MAIL, UNKNOWN, GO_AHEAD, NO_VALID);
            begin();
            envelope("nobody@lab.test");
            assertThat(data()).isEqualTo(554);
            assertThat(link.writes()).endsWith("release", ".");
            assertThat(flight.isClean()).isTrue();
        }

        @Test
        void dataAcceptedAfterAnOddRcptReplyFollowingAnAcceptedOneDropsTheConnection() throws MessagingException {
            link.replies(OK_MAIL, OK_RCPT, "199 odd", OK_RCPT, GO_AHEAD);
            begin();
            envelope("a@lab.test", "b@lab.test", "c@lab.test");
            assertThat(flight.hold("DATA")).isTrue();
            assertThatThrownBy(flight::answer).isInstanceOf(MessagingException.class)
                    .satisfies(e -> assertThat(((MessagingException) e).getNextException()).isInstanceOf(IOException.class));
            assertThat(recorded()).containsExactly(MAIL + " -> " + OK_MAIL, "RCPT TO:<a@lab.test> -> " + OK_RCPT,
                    "RCPT TO:<b@lab.test> -> 199 odd");
            assertThat(link.writes()).doesNotContain(".");
            assertThat(flight.isClean()).isFalse();
        }

        @Test
        void aConnectionClosedBeforeTheReplyToMailIsRecordedAsLostAndLeavesItUnusable() throws MessagingException {
            link.replies("EOF");
            begin();
            envelope("alice@lab.test");
            assertThat(data()).isEqualTo(-1);
            assertThat(transcript.exchanges()).singleElement().satisfies(e -> {
                assertThat(e.command()).isEqualTo(MAIL);
                assertThat(e.failure()).contains("connection closed by the server");
            });
            assertThat(flight.isClean()).isFalse();
        }
    }

    @Nested
    class Misfits {
        @Test
        void aCommandOutsideTheShapeDropsTheUnwrittenFlightAndSwitchesTheMailerToLockStep() throws Exception {
            begin();
            envelope("alice@lab.test");
            assertThatThrownBy(() -> flight.hold("NOOP")).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("before anything was written").hasMessageNotContaining("alice");
            assertThat(link.events).as("nothing reached the server").isEmpty();
            assertThat(pipelining.isOn()).isFalse();
            assertThat(flight.takeMisfit()).isTrue();
            assertThat(flight.takeMisfit()).isFalse();
            assertThat(flight.isComposing()).isFalse();
            assertThat(flight.hold("RCPT TO:<bob@lab.test>")).as("lock-step: written at once").isFalse();
        }

        @Test
        void dataWithoutRcptAReadWithoutCommandAndContentBeforeRcptAreMisfitsToo() throws Exception {
            begin();
            assertThat(flight.hold(MAIL)).isTrue();
            assertThat(flight.answer()).isEqualTo(250);
            assertThatThrownBy(() -> flight.hold("DATA")).isInstanceOf(MessagingException.class);
            assertThat(flight.takeMisfit()).isTrue();
            begin(new Pipelining(true));
            assertThatThrownBy(flight::answer).isInstanceOf(MessagingException.class);
            assertThat(flight.takeMisfit()).isTrue();
            begin(new Pipelining(true));
            envelope();
            assertThatThrownBy(flight::startContent).isInstanceOf(MessagingException.class);
            assertThat(flight.takeMisfit()).isTrue();
            assertThat(link.events).isEmpty();
        }
    }

    @Nested
    class WithBdat {
        @Test
        void mailRcptsAndTheLastChunkWithTheMessageGoInOneHeldWriteAndEveryReplyIsRecorded() throws Exception {
            link.replies(OK_MAIL, OK_RCPT, UNKNOWN, QUEUED);
            begin();
            envelope("alice@lab.test", "nobody@lab.test");
            flight.startContent();
            flight.endContent(content("Subject: x\r\n\r\n.hello\r\n"));
            assertThat(link.writes()).containsExactly("hold", MAIL, "RCPT TO:<alice@lab.test>",
                    "RCPT TO:<nobody@lab.test>", "BDAT 22 LAST", "<Subject: x\r\n\r\n.hello\r\n>", "release");
            assertThat(recorded()).containsExactly(MAIL + " -> " + OK_MAIL, "RCPT TO:<alice@lab.test> -> " + OK_RCPT,
                    "RCPT TO:<nobody@lab.test> -> " + UNKNOWN, "BDAT 22 LAST -> " + QUEUED);
            assertThat(flight.isClean()).isTrue();
        }

        @Test
        void aRefusedLastChunkIsFollowedByRset() throws Exception {
            link.replies(OK_MAIL, OK_RCPT, "552 5.3.4 Chunk exceeds message size limit", "250 2.0.0 Ok");
            begin();
            envelope("alice@lab.test");
            flight.startContent();
            flight.endContent(content("x\r\n"));
            assertThat(recorded()).endsWith("BDAT 3 LAST -> 552 5.3.4 Chunk exceeds message size limit",
                    "RSET -> 250 2.0.0 Ok");
        }

        @Test
        void aConnectionLostBeforeTheLastChunksReplyIsRecordedAndThrown() throws Exception {
            link.replies(OK_MAIL, OK_RCPT, "EOF");
            begin();
            envelope("alice@lab.test");
            flight.startContent();
            assertThatThrownBy(() -> flight.endContent(content("x\r\n"))).isInstanceOf(IOException.class);
            assertThat(recorded()).endsWith("BDAT 3 LAST -> (lost)");
            assertThat(flight.isClean()).isFalse();
        }

        @Test
        void aBigMessageGoesInChunksWithoutWaitingAndTheRepliesAreReadAtTheEnd() throws Exception {
            link.replies(OK_MAIL, OK_RCPT, "250 2.0.0 Ok: 8 octets received", QUEUED);
            begin();
            envelope("alice@lab.test");
            BdatContent content = new BdatContent(8);
            OutputStream out = content.start(flight.startContent());
            out.write("0123456789\r\n".getBytes(StandardCharsets.US_ASCII));
            content.end();
            flight.endContent(content);
            assertThat(link.writes()).containsExactly("hold", MAIL, "RCPT TO:<alice@lab.test>", "BDAT 8",
                    "<01234567>", "release", "hold", "BDAT 4 LAST", "<89\r\n>", "release");
            assertThat(link.events.indexOf("read")).as("no reply read before the last chunk")
                    .isGreaterThan(link.events.indexOf("BDAT 4 LAST"));
            assertThat(recorded()).hasSize(4).endsWith("BDAT 4 LAST -> " + QUEUED);
        }

        @Test
        void inLockStepEachChunkWaitsForItsReplyAndARefusedOneEndsTheMessageWithRset() throws Exception {
            link.replies("451 4.3.0 Error: queue file write error", "250 2.0.0 Ok");
            transcript.clear();
            flight.begin(Optional.of(new Pipelining(false)), true);
            BdatContent content = new BdatContent(4);
            OutputStream out = content.start(flight.startContent());
            out.write("0123456789".getBytes(StandardCharsets.US_ASCII));
            content.end();
            flight.endContent(content);
            assertThat(link.writes()).containsExactly("hold", "BDAT 4", "<0123>", "release", "RSET");
            assertThat(recorded()).containsExactly("BDAT 4 -> 451 4.3.0 Error: queue file write error",
                    "RSET -> 250 2.0.0 Ok");
        }
    }
}
