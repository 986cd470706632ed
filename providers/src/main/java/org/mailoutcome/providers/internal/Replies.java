package org.mailoutcome.providers.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.SmtpReply;
import org.mailoutcome.Stage;

/**
 * The remote reply in a provider's text, classified by core. The text is read up to {@link #MAX_TEXT} characters
 * (the event keeps all of it); reading is linear in that.
 */
public final class Replies {
    /** How much of a diagnostic is read for its reply. */
    static final int MAX_TEXT = 8 * 1024;
    /** A DSN diagnostic type before the reply: {@code smtp;}, {@code X-Postfix;}. */
    private static final Pattern TYPE_PREFIX = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{0,30};\\s*");

    private Replies() {
    }

    /** The reply a text quotes: {@code "250 OK"}, {@code "smtp; 250 2.0.0 ok"}, {@code "sent (250 2.0.0 OK ...)"}. */
    public static Optional<SmtpReply> quoted(Optional<String> text) {
        if (text.isEmpty()) return Optional.empty();
        String s = TYPE_PREFIX.matcher(cap(text.get()).strip()).replaceFirst("");
        Optional<SmtpReply> reply = SmtpReply.tryParse(s);
        if (reply.isEmpty()) {
            int open = s.indexOf(" (");
            if (open > 0 && open < 16) {
                String inner = s.substring(open + 2);
                reply = SmtpReply.tryParse(inner.endsWith(")") ? inner.substring(0, inner.length() - 1) : inner);
            }
        }
        return reply;
    }

    /**
     * The outcome of a failure: the 4yz or 5yz reply the text quotes, else the provider's SMTP code with the
     * text where it gives one apart (Mailgun, SparkPost), else an implied reply, 550 or 450 by the status's class (or by
     * {@code permanent} without one), carrying the status and the text.
     */
    public static DeliveryOutcome failure(Optional<String> text, Optional<String> status, OptionalInt code,
            boolean permanent) {
        Optional<EnhancedStatus> stated = status.flatMap(s -> EnhancedStatus.tryParse(s.strip()));
        String body = text.map(Replies::cap).orElse("");
        Stage stage = stageOf(body);
        Optional<SmtpReply> reply = quoted(text).filter(r -> r.codeClass() == 4 || r.codeClass() == 5);
        if (reply.isPresent()) return DeliveryOutcome.classify(stage, reply.get());
        if (code.isPresent() && code.getAsInt() >= 400 && code.getAsInt() <= 599) {
            return DeliveryOutcome.classify(stage, SmtpReply.of(code.getAsInt(), withStatus(stated, body)));
        }
        int implied = stated.map(s -> s.statusClass() == 4 ? 450 : s.statusClass() == 5 ? 550 : 0).orElse(0);
        if (implied == 0) implied = permanent ? 550 : 450;
        String withoutType = TYPE_PREFIX.matcher(body.strip()).replaceFirst("");
        return DeliveryOutcome.classify(stage, SmtpReply.of(implied, withStatus(stated, withoutType)));
    }

    private static String withStatus(Optional<EnhancedStatus> status, String text) {
        String flat = text.strip();
        if (status.isEmpty() || EnhancedStatus.tryParse(firstWord(flat)).isPresent()) return flat;
        return flat.isEmpty() ? status.get().toString() : status.get() + " " + flat;
    }

    private static String firstWord(String s) {
        int end = 0;
        while (end < s.length() && end < 10 && !Character.isWhitespace(s.charAt(end))) end++;
        return s.substring(0, end);
    }

    /** End of data when the text says so (Postfix's "in reply to end of DATA command"), else RCPT. */
    private static Stage stageOf(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("end of data") || lower.contains("data command") ? Stage.MESSAGE : Stage.RCPT;
    }

    private static String cap(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
