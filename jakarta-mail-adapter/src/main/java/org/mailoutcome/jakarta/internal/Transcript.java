package org.mailoutcome.jakarta.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands and replies of one transport, recorded as they happen. Confined to the thread that holds the
 * transport (every {@code SMTPTransport} method is synchronized; the mailer lends a transport to one thread).
 */
public final class Transcript {
    /** How the failure of a command that could not be written starts. */
    static final String NOT_SENT = "command not sent: ";
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.smtp");

    private final List<Exchange> exchanges = new ArrayList<>();
    private Stage pendingStage = Stage.CONNECT;
    private String pendingCommand = "";
    private boolean pending = true;

    /** Forgets what was recorded; the next reply without a command is a greeting. */
    public void clear() {
        exchanges.clear();
        pending = false;
    }

    /** The exchanges since the last {@link #clear()}, oldest first. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** A command is about to be written. */
    void commandSent(String command) {
        String redacted = Commands.redact(command);
        if (pending) exchanges.add(new Exchange(pendingStage, pendingCommand, Optional.empty(), Optional.of("no reply")));
        pendingStage = Commands.stageOf(redacted).orElse(Stage.AUTH);
        pendingCommand = redacted;
        pending = true;
        LOG.debug("C: {}", redacted);
    }

    /** The command could not be written. */
    void commandFailed(Exception cause) {
        close(Optional.empty(), Failure.of(cause).described(NOT_SENT + describe(cause)));
    }

    /** A reply came (raw, {@code \n}-joined); a reply without a command is a greeting or an AUTH continuation. */
    void replyReceived(String raw) {
        expectUnsolicited();
        String kept = pendingStage == Stage.AUTH ? Commands.withheld(raw) : raw;
        LOG.debug("S: {}", kept);
        close(Optional.of(kept), Failure.NONE);
    }

    /** A reply was read, or none came. */
    void replied(ReadReply reply) {
        if (reply.failure().isPresent()) replyLost(Failure.of(reply.failure().get()));
        else if (reply.isLost()) replyLost(reply.lost().get());
        else replyReceived(reply.raw());
    }

    /** No reply came. */
    void replyLost(String why) {
        replyLost(Failure.of(why));
    }

    /** No reply came, for a typed reason. */
    void replyLost(Failure why) {
        expectUnsolicited();
        LOG.debug("S: (no reply: {})", why.description());
        close(Optional.empty(), why);
    }

    /** A reply with no recorded command before it: the greeting, or a step of an AUTH exchange. */
    private void expectUnsolicited() {
        if (pending) return;
        pendingStage = exchanges.isEmpty() ? Stage.CONNECT : Stage.AUTH;
        pendingCommand = "";
    }

    private void close(Optional<String> reply, Failure failure) {
        Optional<String> why = reply.isPresent() ? Optional.empty() : Optional.of(failure.orNoReply());
        exchanges.add(new Exchange(pendingStage, pendingCommand, reply, why, reply.flatMap(SmtpReply::tryParse),
                failure.cause()));
        pending = false;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
