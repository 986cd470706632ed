package org.mailoutcome.bounce.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
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

    /** Words of a responder's subject, in the languages mail systems localise them to. */
    private static final Pattern VACATION_SUBJECT = Pattern.compile("out of (?:the )?office|out-of-office|"
            + "auto-?reply|auto reply|automatic reply|auto-?response|automatic response|vacation|on leave|abwesen|"
            + "automatische antwort|r\u00e9ponse automatique|respuesta autom\u00e1tica|risposta automatica|"
            + "automatisch antwoord|resposta autom\u00e1tica");

    private AutoReplyFormat() {
    }

    /** The answered Message-ID: {@code In-Reply-To}, else the last of {@code References}. */
    static Optional<String> inReplyTo(Headers h) {
        return h.first("In-Reply-To").flatMap(Fields::messageId).or(() -> h.first("References").flatMap(AutoReplyFormat::lastId));
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
        Optional<String> inReplyTo = inReplyTo(h);
        return Optional.of(new AutoReply(Format.AUTO_REPLY, AutoReply.Kind.RESPONDER, h,
                h.first("From").flatMap(Fields::anyAddress), inReplyTo, why.get()));
    }

    /** Subjects that vacation programs write, for replies that set no header. */
    private static Optional<String> vacationSubject(Headers h) {
        return h.first("Subject").filter(s -> {
            String lower = s.toLowerCase(Locale.ROOT);
            return lower.startsWith("auto:") || VACATION_SUBJECT.matcher(lower).find();
        }).map(s -> "Subject: " + s);
    }

    private static Optional<String> lastId(String references) {
        String[] ids = references.strip().split("\\s+");
        return Fields.messageId(ids[ids.length - 1]);
    }
}
