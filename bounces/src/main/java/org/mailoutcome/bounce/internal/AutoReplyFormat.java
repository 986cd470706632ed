package org.mailoutcome.bounce.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailoutcome.bounce.AutoReply;
import org.mailoutcome.bounce.Format;
import org.mailoutcome.bounce.Headers;

/**
 * RFC 3834 auto-replies and the older vacation markers. {@code Auto-Submitted: auto-generated} alone does not
 * count: bounces carry it too, and a bounce the other formats did not recognise is still not a reply.
 */
final class AutoReplyFormat {
    /** Header fields that mark an automatic reply whatever their value. */
    private static final List<String> MARKERS = List.of("X-Autoreply", "X-Autorespond", "X-Vacation",
            "X-Mail-Autoreply", "X-Autoresponder", "X-Auto-Response-Suppress-Reply");

    private AutoReplyFormat() {
    }

    static Optional<AutoReply> parse(MailParts mail) {
        Headers h = mail.headers;
        Optional<String> why = h.first("Auto-Submitted")
                .filter(v -> v.toLowerCase(Locale.ROOT).startsWith("auto-replied"))
                .map(v -> "Auto-Submitted: " + v)
                .or(() -> MARKERS.stream().flatMap(m -> h.first(m).map(v -> m + ": " + v).stream()).findFirst())
                .or(() -> h.first("Precedence").filter(v -> v.toLowerCase(Locale.ROOT).contains("auto_reply"))
                        .map(v -> "Precedence: " + v))
                .or(() -> vacationSubject(h));
        if (why.isEmpty()) return Optional.empty();
        Optional<String> inReplyTo = h.first("In-Reply-To").flatMap(Fields::messageId)
                .or(() -> h.first("References").flatMap(AutoReplyFormat::lastId));
        return Optional.of(new AutoReply(Format.AUTO_REPLY, h, h.first("From").flatMap(Fields::anyAddress),
                inReplyTo, why.get()));
    }

    /** Subjects that vacation programs write, for replies that set no header. */
    private static Optional<String> vacationSubject(Headers h) {
        return h.first("Subject").filter(s -> {
            String lower = s.toLowerCase(Locale.ROOT);
            return lower.startsWith("auto:") || lower.contains("out of office") || lower.contains("out of the office")
                    || lower.contains("autoreply") || lower.contains("auto-reply") || lower.contains("auto reply")
                    || lower.contains("vacation");
        }).map(s -> "Subject: " + s);
    }

    private static Optional<String> lastId(String references) {
        String[] ids = references.strip().split("\\s+");
        return Fields.messageId(ids[ids.length - 1]);
    }
}
