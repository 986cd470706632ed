package org.mailoutcome.bounce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mailoutcome.bounce.Bounce;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Format;
import org.mailoutcome.bounce.Headers;

/**
 * Plain-text bounces of the common mail systems (Exim, qmail, older Sendmail, Exchange, providers' texts). A mail
 * is taken for one when its header says so ({@code X-Failed-Recipients}, a mailer-daemon or postmaster sender, a
 * bounce subject) and its text names at least one recipient. The text is read up to the copy of the returned
 * message; {@link TextRecipients} finds the recipients and what the text says about each.
 */
final class TextBounceFormat {
    private static final Pattern DAEMON = Pattern.compile(
            "(?i).*(mailer-daemon|mailer_daemon|mailerdaemon|postmaster|mail delivery|maildelivery|mdaemon|"
                    + "mail administrator|mail system|system administrator|noreply-dmarc|<>).*");
    private static final Pattern SUBJECT = Pattern.compile("(?i).*(undeliver|delivery fail|delivery status|"
            + "failure notice|returned mail|mail delivery|could not be delivered|non[- ]?delivery|nondeliverable|"
            + "delivery notification|not delivered|delivery problem|delayed mail|message delayed|returned to sender|"
            + "mail system error|mail error|mail failure|delivery error|failed delivery|delivery warning|"
            + "unzustellbar|error sending|rejected|warning: could not send).*");
    private static final Pattern ORIGINAL = Pattern.compile("(?im)^[\\s>|*-]*(?:-{2,}(?!.*(?:transcript|server message|smtp command|following address|"
            + "failure reason|delivery problem|fatal error|permanent error)).*|.*?(?:original message|"
            + "copy of the (?:original )?message|message follows|unsent message|headers? (?:of the original|follow)|"
            + "returned message|original e?-?mail|your message reads|message text follows).*)$"
            + "|^(?:Received|Return-Path|DKIM-Signature|X-Received|Content-Type: message/rfc822):");

    private TextBounceFormat() {
    }

    static Optional<Bounce> parse(MailParts mail) {
        Headers h = mail.headers;
        boolean failedRecipients = h.first("X-Failed-Recipients").isPresent();
        boolean bounceHeader = failedRecipients || h.first("From").filter(f -> DAEMON.matcher(f).matches()).isPresent()
                || h.first("Subject").filter(s -> SUBJECT.matcher(s).matches()).isPresent();
        if (!bounceHeader) return Optional.empty();
        String all = String.join("\n", mail.texts.subList(0, Math.min(2, mail.texts.size())));
        String text = beforeOriginal(all);
        Headers returned = mail.returned.orElseGet(() -> HeaderBlock.first(afterMarker(all, text.length())));
        List<BouncedRecipient> recipients = new ArrayList<>(TextRecipients.find(h, text, returned));
        if (recipients.isEmpty()) return Optional.empty();
        return Optional.of(new Bounce(family(h, text), h, Optional.empty(), Returned.messageId(mail)
                .or(() -> returned.first("Message-ID").flatMap(Fields::messageId)), returned, Optional.empty(),
                Optional.empty(), recipients));
    }

    private static Format family(Headers h, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("qmail-send") || lower.contains("this is the qmail")) return Format.QMAIL;
        if (h.first("X-Failed-Recipients").isPresent() || lower.contains("created automatically by mail delivery")) {
            return Format.EXIM;
        }
        return Format.TEXT;
    }

    /** The text up to the first line that starts the copy of the returned message (skipping the first line). */
    static String beforeOriginal(String text) {
        var m = ORIGINAL.matcher(text);
        int from = Math.min(text.length(), Math.max(0, text.indexOf('\n') + 1));
        while (m.find(from)) {
            if (m.start() > 0 && !isSeparatorOnly(m.group())) return text.substring(0, m.start());
            from = m.end() + 1;
            if (from >= text.length()) break;
            if (m.start() > 0 && isSeparatorOnly(m.group()) && isHeaderNext(text, m.end())) {
                return text.substring(0, m.start());
            }
        }
        return text;
    }

    private static boolean isSeparatorOnly(String line) {
        String s = line.strip();
        return s.startsWith("--") && s.replace("-", "").isBlank();
    }

    private static boolean isHeaderNext(String text, int at) {
        String rest = text.substring(at).stripLeading();
        return rest.matches("(?s)^[A-Za-z][A-Za-z0-9-]*:.*");
    }

    private static String afterMarker(String all, int at) {
        int eol = all.indexOf('\n', at);
        return eol < 0 ? "" : all.substring(eol + 1).stripLeading();
    }
}
