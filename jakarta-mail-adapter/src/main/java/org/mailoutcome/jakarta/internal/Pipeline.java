package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.SmtpReply;
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
 * RSET for message text. A drained reply that is lost, unparseable or a 421 marks the connection as not reusable.
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
    }

    /** Whether Angus's next command was already written; if so it is now Angus's, and its reply is next. */
    boolean claim(String command) {
        if (ahead.isEmpty() || !ahead.peekFirst().equals(command)) return false;
        ahead.removeFirst();
        return true;
    }

    /** Angus read a reply. */
    void replyRead() {
        if (owed > 0) owed--;
    }

    /** Whether the server still owes replies to commands Angus has not claimed. */
    boolean hasUnclaimed() {
        return !ahead.isEmpty();
    }

    /** Reads the replies owed to commands Angus did not claim, ending a DATA that got 354 with a lone ".". */
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
                if (command.equals("DATA") && code == 354) endEmptyData(wire);
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
    }
}
