package org.mailoutcome.bounce.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;
import org.mailoutcome.bounce.Action;

/**
 * Classifies one recipient's notice with core: the remote reply where the notice quotes one, else an implied
 * reply (550, 450 or 250 by the status class) carrying the status and the diagnostic text.
 */
final class Outcomes {
    private static final Pattern REPLY_START = Pattern.compile("^[\\s\"'(]*([2-5]\\d\\d)(?:[ \\-]|$)");
    private static final int MAX_TEXT = 4096;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A notice that labels the command a reply answered: "SMTP command: DATA". */
    private static final Pattern COMMAND_DATA = Pattern.compile("smtp command[\\s:=-]*data\\b");

    private Outcomes() {
    }

    /** The status a notice implies for an action when it states none. */
    static EnhancedStatus implied(Action action) {
        return switch (action) {
            case FAILED -> EnhancedStatus.of(5, 0, 0);
            case DELAYED -> EnhancedStatus.of(4, 0, 0);
            default -> EnhancedStatus.of(2, 0, 0);
        };
    }

    /** The action a status implies when the notice states none. */
    static Action implied(EnhancedStatus status) {
        return switch (status.statusClass()) {
            case 2 -> Action.DELIVERED;
            case 4 -> Action.DELAYED;
            default -> Action.FAILED;
        };
    }

    /** The remote reply quoted in a diagnostic text, if it starts with a reply code. */
    static Optional<SmtpReply> quotedReply(String diagnostic) {
        String text = diagnostic.length() > MAX_TEXT ? diagnostic.substring(0, MAX_TEXT) : diagnostic;
        Matcher m = REPLY_START.matcher(text);
        if (!m.find()) return Optional.empty();
        String lines = Codes.lineBreaksBeforeReplies(text.substring(m.start(1)).strip());
        return SmtpReply.tryParse(lines);
    }

    /** The outcome of a recipient with this status and diagnostic. */
    static DeliveryOutcome classify(EnhancedStatus status, Optional<String> diagnostic, String recipient) {
        return classify(status, diagnostic, "", recipient);
    }

    /**
     * The outcome of a recipient with this status and diagnostic, at the stage the diagnostic names or, where it
     * names none, the stage the notice's text shows the reply came at. The recipient's own address is never its
     * forward path.
     */
    static DeliveryOutcome classify(EnhancedStatus status, Optional<String> diagnostic, String text, String recipient) {
        Stage stage = diagnostic.map(d -> textShowsData(text, d) ? Stage.MESSAGE : stage(d))
                .orElse(Stage.RCPT);
        Optional<SmtpReply> quoted = diagnostic.flatMap(Outcomes::quotedReply)
                .filter(r -> r.codeClass() == status.statusClass());
        SmtpReply reply = quoted.map(r -> withStatus(r, status)).orElseGet(() -> implied(status, diagnostic));
        return DeliveryOutcome.classify(stage, reply, recipient);
    }

    private static SmtpReply withStatus(SmtpReply reply, EnhancedStatus status) {
        if (reply.enhancedStatus().isPresent()) return reply;
        return SmtpReply.of(reply.code(), status + " " + String.join("\n", reply.lines()));
    }

    private static SmtpReply implied(EnhancedStatus status, Optional<String> diagnostic) {
        int code = switch (status.statusClass()) {
            case 2 -> 250;
            case 4 -> 450;
            default -> 550;
        };
        String text = diagnostic.map(d -> d.length() > MAX_TEXT ? d.substring(0, MAX_TEXT) : d).orElse("");
        return SmtpReply.of(code, status + " " + text.replace('\n', ' '));
    }

    /**
     * Whether the notice's text shows this reply as the answer to DATA: a Sendmail or Courier transcript's
     * {@code >>> DATA} right before it, or Postfix's "(in reply to end of DATA command)" right after it.
     */
    static boolean textShowsData(String text, String diagnostic) {
        String reply = SPACES.matcher(diagnostic.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (reply.length() > 24) reply = reply.substring(0, 24);
        if (reply.length() < 8) return false;
        String flat = SPACES.matcher(text.length() > MAX_TEXT * 4 ? text.substring(0, MAX_TEXT * 4) : text)
                .replaceAll(" ").toLowerCase(Locale.ROOT);
        for (int at = flat.indexOf(reply); at >= 0; at = flat.indexOf(reply, at + 1)) {
            String before = flat.substring(Math.max(0, at - 16), at);
            int end = flat.indexOf(" (in reply to ", at);
            boolean postfix = end >= 0 && end - at < 400 && flat.startsWith(" (in reply to end of data", end);
            if (before.endsWith(">>> data <<< ") || postfix) return true;
        }
        return false;
    }

    /** The SMTP stage a text names ("in reply to RCPT TO command"); RCPT when it names none. */
    private static Stage stage(String diagnostic) {
        String lower = diagnostic.toLowerCase(Locale.ROOT);
        if (lower.contains("end of data") || lower.contains("after data") || lower.contains("data command")
                || COMMAND_DATA.matcher(lower).find()) {
            return Stage.MESSAGE;
        }
        if (lower.contains("mail from")) return Stage.MAIL;
        return Stage.RCPT;
    }
}
