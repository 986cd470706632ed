package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transaction written in one flight (RFC 2920 pipelining; with RFC 3030 CHUNKING the message too): while Angus
 * composes the transaction its {@code MAIL FROM} and {@code RCPT TO} lines are held, not written, and each is
 * answered "250" for the moment, so Angus goes on to the next; nothing reaches the server until Angus has written
 * its last command before the content ({@code DATA}), or the whole content ({@code BDAT}). Then everything goes in
 * one write and the server's replies are read in order and recorded. The lines on the wire are exactly Angus's: no
 * line is predicted. Should Angus write a transaction in another shape (a future Angus), nothing was written yet:
 * the held lines are dropped, the mailer falls back to lock-step ({@link Pipelining#fallBack}) and the transaction
 * is sent again ({@link #takeMisfit()}).
 *
 * <p>With {@code DATA}, Angus reads the reply to DATA and goes on as it would have in lock-step: the transcript
 * records the replies Angus would have seen, so the outcomes are those of lock-step. Where Angus would have stopped
 * before DATA (MAIL refused, an RCPT reply outside 2yz-5yz, no recipient accepted), the rest is read unrecorded; a
 * DATA that got 354 is then ended with a lone "." when no recipient was accepted (RFC 2920 3.1), else the connection
 * is dropped, so no empty message is delivered. With {@code BDAT} the message went with the flight, so every reply
 * is recorded as it is: the outcome is what the server did. Confined to the thread that holds the transport.
 */
final class Flight {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.smtp");

    /** The transport's own writes and reads, below the recording. */
    interface Link {
        /** Writes a command line. */
        void send(String command) throws MessagingException;

        /** Writes message content, as it is (above TLS, if TLS is on). */
        void write(byte[] bytes, int length) throws IOException;

        /** Holds writes back until {@link #release()}, where the connection allows it. */
        void hold();

        /** Writes what was held, in one write. */
        void release() throws IOException;

        /** Forgets what was held: the connection is given up. */
        void discard();

        /** Reads one reply; never throws. */
        ReadReply read();
    }

    private final Link link;
    private final Transcript transcript;
    private final List<String> held = new ArrayList<>();
    private final List<String> owed = new ArrayList<>();
    private Optional<Pipelining> pipelining = Optional.empty();
    private boolean composing;
    private boolean awaiting;
    private boolean misfit;
    private boolean troubled;
    /** In lock-step, a chunk before the last was refused: the rest of the content is not sent. */
    private boolean chunkFailed;

    Flight(Link link, Transcript transcript) {
        this.link = link;
        this.transcript = transcript;
    }

    /** A message starts; it is composed in flight when {@code pipelining} is on for it. */
    void begin(Optional<Pipelining> pipelining, boolean serverPipelines) {
        this.pipelining = pipelining.filter(p -> serverPipelines && p.isOn());
        composing = this.pipelining.isPresent();
        awaiting = false;
        held.clear();
    }

    /** Whether Angus's lines are being held. */
    boolean isComposing() {
        return composing;
    }

    /**
     * Angus writes {@code command}: held while composing (false when not composing: write it now).
     *
     * @throws MessagingException when it does not fit the flight (nothing is written; see {@link #takeMisfit()})
     */
    boolean hold(String command) throws MessagingException {
        if (!composing) return false;
        Stage stage = Commands.stageOf(command).orElse(Stage.AUTH);
        Stage last = held.isEmpty() ? null : Commands.stageOf(held.get(held.size() - 1)).orElseThrow();
        boolean fits = !awaiting && (held.isEmpty() ? stage == Stage.MAIL
                : stage == Stage.RCPT || stage == Stage.DATA && last == Stage.RCPT);
        if (!fits) throw misfit(held.isEmpty() ? "MAIL FROM" : awaiting ? "a read of the reply to " + last
                : "RCPT TO or DATA after " + Pipelining.withoutAddresses(held.get(held.size() - 1)), command);
        held.add(command);
        awaiting = true;
        return true;
    }

    /** Angus reads the reply to its latest held line: "250" for the moment, or, for DATA, the flight's. */
    int answer() throws MessagingException {
        if (!awaiting) throw misfit("a command", "a read of a reply");
        awaiting = false;
        String last = held.get(held.size() - 1);
        return Commands.is(last, Stage.DATA) ? flyWithData() : 250;
    }

    /** Angus starts the content of a BDAT message: where its full chunks go. */
    BdatContent.Chunks startContent() throws MessagingException {
        if (composing && (awaiting || held.isEmpty() || !Commands.is(held.get(held.size() - 1), Stage.RCPT))) {
            throw misfit("RCPT TO before the content", "BDAT");
        }
        return (bytes, length) -> chunk("BDAT " + length, bytes, length);
    }

    /**
     * Sends the last chunk ({@code BDAT <size> LAST}) and, in flight, reads every reply; then resets the
     * transaction with RSET if the message was not accepted.
     *
     * @throws IOException when the connection was lost (Angus then closes it)
     */
    void endContent(BdatContent content) throws IOException {
        boolean accepted = false;
        if (!chunkFailed) {
            chunk("BDAT " + content.size() + " LAST", content.bytes(), content.size());
            accepted = readOwed();
        }
        composing = false;
        if (!accepted) reset();
    }

    /** Writes a chunk (the held lines first, in flight); in lock-step reads its reply, unless it is the last. */
    private void chunk(String command, byte[] bytes, int length) throws IOException {
        if (chunkFailed) return;
        List<String> lines = new ArrayList<>(held);
        lines.add(command);
        held.clear();
        write(lines, bytes, length);
        if (composing || Commands.isLastChunk(command)) return;
        chunkFailed = !readOwed();
    }

    /**
     * Writes the lines, then the bytes, in one write; their replies are owed. When the write fails, the replies
     * owed from before are recorded as lost and the lines as not sent.
     */
    private void write(List<String> lines, byte[] bytes, int length) throws IOException {
        link.hold();
        try {
            for (String line : lines) link.send(line);
            if (length > 0) link.write(bytes, length);
            link.release();
            owed.addAll(lines);
        } catch (MessagingException | IOException e) {
            link.discard();
            troubled = true;
            for (String command : owed) {
                transcript.commandSent(command);
                transcript.replyLost(Failure.of(e).described("no reply: writing the rest of the transaction failed: "
                        + Transcript.describe(e)));
            }
            owed.clear();
            transcript.commandSent(lines.get(0));
            transcript.commandFailed(e);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /**
     * Reads every owed reply, recording each; whether the last one was 250 (the message, or its chunk, accepted).
     *
     * @throws IOException when the connection was lost; the replies still owed are recorded as lost
     */
    private boolean readOwed() throws IOException {
        List<String> toRead = takeOwed();
        ReadReply last = null;
        for (int i = 0; i < toRead.size(); i++) {
            last = readRecorded(toRead.get(i));
            if (last.isLost()) {
                for (String command : toRead.subList(i + 1, toRead.size())) {
                    transcript.commandSent(command);
                    transcript.replyLost(last.why());
                }
                throw lost(last);
            }
        }
        return last != null && last.code() == 250;
    }

    /**
     * The commands whose replies are owed, now taken to be read: reading may end the connection (Angus closes it
     * after a reply it cannot parse), which must not make them vanish.
     */
    private List<String> takeOwed() {
        List<String> toRead = new ArrayList<>(owed);
        owed.clear();
        return toRead;
    }

    /** RSET after a message that was not accepted, recorded; a lost reply leaves the connection troubled. */
    private void reset() throws IOException {
        chunkFailed = false;
        if (troubled) throw new IOException("the connection is not usable after the server's last reply");
        try {
            transcript.commandSent("RSET");
            link.send("RSET");
        } catch (MessagingException e) {
            transcript.commandFailed(e);
            troubled = true;
            throw new IOException(e.getMessage(), e);
        }
        ReadReply reply = readRecorded(null);
        if (reply.isLost()) throw lost(reply);
    }

    /**
     * MAIL, RCPT and DATA in one write; returns to Angus the reply to DATA as it would have come in lock-step, or
     * a refusal where Angus would have stopped before DATA.
     */
    private int flyWithData() throws MessagingException {
        List<String> lines = new ArrayList<>(held);
        held.clear();
        composing = false;
        try {
            write(lines, new byte[0], 0);
        } catch (IOException e) {
            throw new MessagingException("Can't send command to SMTP host", e);
        }
        List<String> toRead = takeOwed();
        int next = 0;
        ReadReply mail = readRecorded(toRead.get(next++));
        boolean recording = mail.code() == 250;
        boolean accepted = false;
        boolean acceptedRecorded = false;
        while (next < toRead.size() - 1 && !mail.isLost()) {
            String rcptLine = toRead.get(next++);
            ReadReply rcpt = recording ? readRecorded(rcptLine) : readDrained(rcptLine);
            if (rcpt.isLost()) return gone(rcpt);
            accepted |= rcpt.isPositive();
            acceptedRecorded |= recording && rcpt.isPositive();
            if (recording && angusGivesUpAt(rcpt.code())) recording = false;
        }
        if (mail.isLost()) return gone(mail);
        recording &= acceptedRecorded;
        String dataLine = toRead.get(next);
        ReadReply data = recording ? readRecorded(dataLine) : readDrained(dataLine);
        if (data.isLost()) return gone(data);
        if (recording || data.code() != 354) return data.code();
        if (accepted) {
            troubled = true;
            throw new MessagingException("Can't send command to SMTP host", new IOException("the server accepted "
                    + "DATA for a transaction the client stopped: connection dropped so that no empty message is "
                    + "delivered"));
        }
        LOG.debug("C: . (DATA accepted although no recipient was)");
        link.send(".");
        ReadReply dot = link.read();
        LOG.debug("S: {}", dot.isLost() ? "(no reply)" : dot.raw());
        if (dot.isLost() || dot.code() < 200) troubled = true;
        return dot.code() == 354 ? -1 : dot.code();
    }

    /** Angus's {@code rcptTo} gives up at once on a code outside 2yz-5yz (and on none). */
    private static boolean angusGivesUpAt(int code) {
        return code < 200 || code > 599 || code / 100 == 3;
    }

    /** The connection broke while the flight's replies were read: the rest is not read. */
    private int gone(ReadReply reply) throws MessagingException {
        owed.clear();
        troubled = true;
        if (reply.failure().isPresent()) throw reply.failure().get();
        return -1;
    }

    private ReadReply readRecorded(String command) {
        if (command != null) transcript.commandSent(command);
        ReadReply reply = link.read();
        transcript.replied(reply);
        if (reply.isLost() || reply.code() == 421 || reply.code() == -1) troubled = true;
        return reply;
    }

    private ReadReply readDrained(String command) {
        ReadReply reply = link.read();
        LOG.debug("S: {} (to pipelined {}, read after the transaction stopped)",
                reply.isLost() ? "(no reply)" : reply.raw(), Commands.redact(command));
        if (reply.isLost() || reply.code() == 421 || reply.code() == -1) troubled = true;
        return reply;
    }

    private static IOException lost(ReadReply reply) {
        return reply.failure().<IOException>map(e -> new IOException(e.getMessage(), e))
                .orElseGet(() -> new IOException(reply.lost().orElse("no reply")));
    }

    private MessagingException misfit(String expected, String actual) {
        held.clear();
        composing = false;
        awaiting = false;
        misfit = true;
        pipelining.ifPresent(p -> p.fallBack(expected, actual));
        return new MessagingException("pipelining abandoned before anything was written: Angus wrote "
                + Pipelining.withoutAddresses(Commands.redact(actual)) + " where the flight expected "
                + Pipelining.withoutAddresses(expected));
    }

    /**
     * The end of data was refused before the flight was written: its held lines are recorded as not sent (with the
     * refusal as the reason), and nothing is written.
     */
    void notSent(Exception why) {
        if (!composing) return;
        for (String line : held) {
            transcript.commandSent(line);
            transcript.commandFailed(why);
        }
        held.clear();
        composing = false;
    }

    /** Whether the last message was abandoned unwritten for a misfit; asking clears it. */
    boolean takeMisfit() {
        boolean was = misfit;
        misfit = false;
        return was;
    }

    /** The message is done: anything held is dropped, anything still owed leaves the connection troubled. */
    void end() {
        composing = false;
        awaiting = false;
        held.clear();
        chunkFailed = false;
        if (!owed.isEmpty()) troubled = true;
        owed.clear();
    }

    /** Nothing owed and nothing went wrong out of Angus's sight: the connection may carry another message. */
    boolean isClean() {
        return owed.isEmpty() && !troubled;
    }

    /** A new connection, or none. */
    void connectionChanged() {
        end();
        owed.clear();
        troubled = false;
        misfit = false;
    }
}
