package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 2920 pipelining for one transport: {@code MAIL FROM}, every {@code RCPT TO} and {@code DATA} written in one
 * flight, then handed to Angus one by one as it "sends" them, so it reads each reply in order as if it had waited.
 *
 * <p>When Angus stops early (a rejected MAIL, an unexpected RCPT reply, every RCPT rejected) it sends a command of
 * its own ({@code RSET}) while the server still owes replies to commands written ahead: those are read first
 * ({@link #drain}), so Angus's RSET gets its own reply. A 354 among them (a server that accepted DATA after every RCPT
 * was rejected) is answered with a lone {@code "."}, as RFC 2920 section 3.1 says, so the server does not take the
 * RSET for message text. But when a recipient of the group was accepted (Angus gives up on a reply code outside
 * 2yz-5yz after accepted ones), a {@code "."} would deliver an empty message to it: the group is then
 * {@linkplain #isAbandoned() abandoned} instead, and the transport drops the connection (a server discards a
 * transaction whose data never ended). A drained reply that is lost, unparseable or a 421 marks the connection as not
 * reusable.
 * Confined to the thread that holds the transport.
 */
final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.smtp");

    /** The transport's own command writes and reply reads, below the recording. */
    interface Wire {
        void write(String command) throws MessagingException;

        int read() throws MessagingException;

        String lastReply();
    }

    private final Deque<String> ahead = new ArrayDeque<>();
    private Optional<List<String>> plan = Optional.empty();
    private int owed;
    private boolean troubled;
    /** A recipient of the current group was accepted (a 2yz to its RCPT), so its DATA must never be ended empty. */
    private boolean rcptAccepted;
    private boolean lastClaimWasRcpt;
    private boolean abandoned;

    /** The RCPT commands Angus is about to send for this message; empty: do not pipeline it. */
    void plan(Optional<List<String>> rcptCommands) {
        plan = rcptCommands;
    }

    /** Whether {@code command} opens a transaction that is to be pipelined. */
    boolean opensGroup(String command) {
        return plan.isPresent() && command.regionMatches(true, 0, "MAIL FROM:", 0, 10);
    }

    /** Writes MAIL, the planned RCPTs and DATA in one flight; Angus then claims all but MAIL. */
    void writeGroup(String mail, Wire wire) throws MessagingException {
        if (owed > 0) drain(wire);
        if (abandoned) throw new MessagingException("Can't send command to SMTP host",
                new IOException("the previous group left message data open"));
        List<String> rcpts = plan.orElseThrow();
        plan = Optional.empty();
        try {
            WatchedSocketFactory.corked(() -> {
                wire.write(mail);
                for (String rcpt : rcpts) wire.write(rcpt);
                wire.write("DATA");
            });
        } catch (IOException e) {
            reset();
            throw new MessagingException("Can't send command to SMTP host", e);
        }
        ahead.addAll(rcpts);
        ahead.add("DATA");
        owed = ahead.size() + 1;
        rcptAccepted = false;
        lastClaimWasRcpt = false;
    }

    /** Whether Angus's next command was already written; if so it is now Angus's, and its reply is next. */
    boolean claim(String command) {
        if (ahead.isEmpty() || !ahead.peekFirst().equals(command)) return false;
        ahead.removeFirst();
        lastClaimWasRcpt = isRcpt(command);
        return true;
    }

    /** Angus read a reply with this code (-1: none). */
    void replyRead(int code) {
        if (owed > 0) {
            if (lastClaimWasRcpt && isPositive(code)) rcptAccepted = true;
            owed--;
        }
        lastClaimWasRcpt = false;
    }

    /** Whether the server still owes replies to commands Angus has not claimed. */
    boolean hasUnclaimed() {
        return !ahead.isEmpty();
    }

    /**
     * Angus sends {@code command} where the group holds another one: drains the group first. Angus stops early with
     * RSET (or QUIT); any other command means the group predicted Angus wrongly, which is worth a report.
     */
    void divert(String command, Wire wire) {
        Stage stage = Exchange.stageOf(command);
        if (stage != Stage.RSET && stage != Stage.QUIT) {
            LOG.warn("pipelined {} but Angus sent {}: the group is drained (please report this as a bug)",
                    ahead.peekFirst(), Exchange.redact(command));
        }
        drain(wire);
    }

    /**
     * Reads the replies owed to commands Angus did not claim, ending a DATA that got 354 with a lone "." when no
     * recipient was accepted, else abandoning the group.
     */
    void drain(Wire wire) {
        if (!ahead.isEmpty()) LOG.debug("pipelined commands Angus will not send: {}", ahead);
        try {
            while (!ahead.isEmpty()) {
                String command = ahead.removeFirst();
                int code = wire.read();
                owed = Math.max(0, owed - 1);
                String reply = wire.lastReply();
                LOG.debug("S: {} (to pipelined {}, not used)", reply.strip(), command);
                if (code == 421 || SmtpReply.tryParse(reply.strip()).isEmpty()) {
                    troubled = true;
                    break;
                }
                if (isRcpt(command) && isPositive(code)) rcptAccepted = true;
                if (command.equals("DATA") && code == 354) {
                    if (rcptAccepted) {
                        LOG.debug("DATA accepted for recipients of an unfinished group: dropping the connection");
                        abandoned = true;
                        troubled = true;
                        break;
                    }
                    endEmptyData(wire);
                }
            }
        } catch (MessagingException | RuntimeException e) {
            troubled = true;
        }
        ahead.clear();
        owed = 0;
    }

    /** RFC 2920 3.1: "if the DATA command was accepted the client SMTP should send a single dot". */
    private void endEmptyData(Wire wire) throws MessagingException {
        LOG.debug("C: . (DATA accepted although no recipient was)");
        wire.write(".");
        int code = wire.read();
        LOG.debug("S: {}", wire.lastReply().strip());
        if (code == 421 || code < 200) troubled = true;
    }

    /**
     * Whether the server is reading message data that must not be ended: the connection is to be dropped now, before
     * Angus's next command reaches the server as message text.
     */
    boolean isAbandoned() {
        return abandoned;
    }

    private static boolean isRcpt(String command) {
        return Exchange.stageOf(command) == Stage.RCPT;
    }

    private static boolean isPositive(int code) {
        return code >= 200 && code < 300;
    }

    /** Nothing owed and nothing went wrong out of Angus's sight: the connection may carry another message. */
    boolean isClean() {
        return owed == 0 && ahead.isEmpty() && !troubled;
    }

    /** The message is done: anything still owed is left unread, so the connection must not be reused. */
    void messageDone() {
        plan = Optional.empty();
        if (owed > 0 || !ahead.isEmpty()) troubled = true;
    }

    /** A new connection, or none: nothing is owed on it. */
    void reset() {
        ahead.clear();
        plan = Optional.empty();
        owed = 0;
        troubled = false;
        rcptAccepted = false;
        lastClaimWasRcpt = false;
        abandoned = false;
    }
}
