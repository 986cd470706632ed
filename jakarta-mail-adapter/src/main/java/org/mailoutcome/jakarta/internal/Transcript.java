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
        String redacted = Exchange.redact(command);
        if (pending) exchanges.add(new Exchange(pendingStage, pendingCommand, Optional.empty(), Optional.of("no reply")));
        pendingStage = Exchange.stageOf(redacted);
        pendingCommand = redacted;
        pending = true;
        LOG.debug("C: {}", redacted);
    }

    /** The command could not be written. */
    void commandFailed(Exception cause) {
        close(Optional.empty(), Optional.of("command not sent: " + describe(cause)));
    }

    /** A reply came (raw, {@code \n}-joined); a reply without a command is a greeting or an AUTH continuation. */
    void replyReceived(String raw) {
        expectUnsolicited();
        String kept = pendingStage == Stage.AUTH ? withoutText(raw) : raw;
        LOG.debug("S: {}", kept);
        close(Optional.of(kept), Optional.empty());
    }

    /**
     * An AUTH-stage reply keeps only its code and enhanced status code: a hostile or broken server may echo the
     * credentials back, and they must never reach a log or a report.
     */
    static String withoutText(String raw) {
        return SmtpReply.tryParse(raw)
                .map(r -> r.code() + r.enhancedStatus().map(s -> " " + s).orElse("") + " (text withheld: AUTH stage)")
                .orElse("(unparseable reply withheld: AUTH stage)");
    }

    /** No reply came. */
    void replyLost(String why) {
        expectUnsolicited();
        LOG.debug("S: (no reply: {})", why);
        close(Optional.empty(), Optional.of(why));
    }

    /** A reply with no recorded command before it: the greeting, or a step of an AUTH exchange. */
    private void expectUnsolicited() {
        if (pending) return;
        pendingStage = exchanges.isEmpty() ? Stage.CONNECT : Stage.AUTH;
        pendingCommand = "";
    }

    private void close(Optional<String> reply, Optional<String> failure) {
        exchanges.add(new Exchange(pendingStage, pendingCommand, reply, failure));
        pending = false;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
