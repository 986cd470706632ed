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
    /** What a line that starts the copy of the returned message names. */
    private static final Pattern COPY = Pattern.compile("(?i)original message|copy of (?:the |your )?(?:original )?"
            + "message|message (?:text )?follows|unsent message|headers? of the original|original headers|"
            + "message headers|headers follow|returned message|original e-?mail|your message reads|original text");
    /** A line shaped as a marker: decorated, or ending as an announcement ("follows", ":"), or a short title. */
    private static final Pattern MARKER_SHAPE = Pattern.compile("(?i)^[\\s>|*=_\\[-]*(?:-{2,}|\\|-|\\[|[=*_]{3,}).*"
            + "|.*-{3,}\\W*$|.*(?::|follows?\\.?|following\\.?|below[.:]?)\\s*$|^\\W*(?:\\S+\\s+){0,5}\\S+\\W*$");
    /** The longest line taken for a marker: markers are short, and the shape test is not linear in a line. */
    private static final int MAX_MARKER = 200;
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]*:");
    /** A header field that can only be the returned message's own header. */
    private static final Pattern HEADER_START = Pattern.compile(
            "^(?:Received|Return-Path|DKIM-Signature|X-Received|Content-Type: message/rfc822):");

    private TextBounceFormat() {
    }

    static Optional<Bounce> parse(MailParts mail) {
        Headers h = mail.headers;
        boolean failedRecipients = h.first("X-Failed-Recipients").isPresent();
        boolean bounceHeader = failedRecipients || h.first("From").filter(f -> DAEMON.matcher(f).matches()).isPresent()
                || h.first("Subject").filter(s -> SUBJECT.matcher(s).matches()).isPresent();
        if (!bounceHeader) return Optional.empty();
        String all = allText(mail);
        String text = ownText(mail);
        boolean notice = failedRecipients || Codes.hasFailureReply(text) || Codes.statedInProse(text).isPresent()
                || Wording.isNotice(text) || Wording.isNotice(h.first("Subject").orElse(""));
        if (!notice) return Optional.empty();
        Headers returned = mail.returned.orElseGet(() -> HeaderBlock.first(afterMarker(all, text.length())));
        List<BouncedRecipient> recipients = new ArrayList<>(TextRecipients.find(h, text, returned));
        if (recipients.isEmpty()) return Optional.empty();
        return Optional.of(new Bounce(family(h, text), h, Optional.empty(), Returned.messageId(mail)
                .or(() -> returned.first("Message-ID").flatMap(Fields::messageId)), returned, Optional.empty(),
                Optional.empty(), recipients));
    }

    /** The notice's own text: its first text parts up to the copy of the returned message (read once per mail). */
    static String ownText(MailParts mail) {
        if (mail.ownText == null) mail.ownText = beforeOriginal(allText(mail));
        return mail.ownText;
    }

    /** The first two text parts, one level of inline quoting removed. */
    private static String allText(MailParts mail) {
        return unquoted(String.join("\n", mail.texts.subList(0, Math.min(2, mail.texts.size()))));
    }

    private static Format family(Headers h, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("qmail-send") || lower.contains("this is the qmail")) return Format.QMAIL;
        if (h.first("X-Failed-Recipients").isPresent() || lower.contains("created automatically by mail delivery")) {
            return Format.EXIM;
        }
        return Format.TEXT;
    }

    /**
     * The text up to the first line (after the first) that starts the copy of the returned message: a line that
     * names the copy and is shaped as a marker ("------ This is a copy of the message ------", "Original message
     * headers:", "--- Below this line is a copy of the message."), a header field only a message has, or a bare
     * separator line followed by header fields. A sentence that mentions the original message ("The original
     * message was received at ...", "The MTS-ID of the original message is: ...") does not end the notice, nor does
     * a separator that announces recipients or a transcript ("Failed addresses follow:").
     */
    static String beforeOriginal(String text) {
        int at = text.indexOf('\n') + 1;
        while (at > 0 && at < text.length()) {
            int eol = text.indexOf('\n', at);
            int end = eol < 0 ? text.length() : eol;
            String line = text.substring(at, end);
            if (isCopyMarker(line) || HEADER_START.matcher(line).lookingAt()
                    || isSeparatorOnly(line) && isHeaderNext(text, end)) {
                return text.substring(0, at);
            }
            at = end + 1;
        }
        return text;
    }

    private static boolean isCopyMarker(String line) {
        if (line.length() > MAX_MARKER) return false;
        String lower = line.toLowerCase(Locale.ROOT);
        // every phrase of COPY holds one of these words: a cheap test first, as most lines hold none
        if (!lower.contains("message") && !lower.contains("original") && !lower.contains("header")) return false;
        if (!COPY.matcher(lower).find() || lower.contains("transcript")) return false;
        return MARKER_SHAPE.matcher(line.strip()).matches();
    }

    private static boolean isSeparatorOnly(String line) {
        int marks = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ("-=_*|".indexOf(c) >= 0) marks++;
            else if (!Character.isWhitespace(c)) return false;
        }
        return marks >= 2;
    }

    /** Whether the next non-blank line (looked for within a few lines) starts with a header field name. */
    private static boolean isHeaderNext(String text, int at) {
        int from = at;
        for (int lines = 0; lines < 4 && from < text.length(); lines++) {
            int start = from + 1;
            int eol = text.indexOf('\n', start);
            String line = text.substring(Math.min(start, text.length()), eol < 0 ? text.length() : eol);
            if (!line.isBlank()) return FIELD_NAME.matcher(line.stripLeading()).lookingAt();
            if (eol < 0) return false;
            from = eol;
        }
        return false;
    }

    /**
     * A bounce forwarded inline: one level of {@code "> "} quoting removed from each line. A transcript's
     * {@code ">>> RCPT TO:"} is a command, not a quote, and is kept; {@code ">>>> DATA"} loses one level.
     */
    static String unquoted(String text) {
        if (!hasQuotedLine(text)) return text;
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            int n = 0;
            while (n < line.length() && line.charAt(n) == '>') n++;
            boolean transcript = n == 3 && line.length() > 3 && line.charAt(3) == ' ';
            if (n == 0 || transcript) out.append(line);
            else out.append(n < line.length() && line.charAt(1) == ' ' ? line.substring(2) : line.substring(1));
            out.append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /** Whether a line starts with a quote mark that is no transcript's {@code ">>> "}. */
    private static boolean hasQuotedLine(String text) {
        for (int at = text.indexOf('>'); at >= 0; at = text.indexOf('>', at + 1)) {
            if (at > 0 && text.charAt(at - 1) != '\n') continue;
            boolean transcript = text.startsWith(">>> ", at) && (at + 4 >= text.length() || text.charAt(at + 4) != '>');
            if (!transcript) return true;
            at = Math.max(at, text.indexOf('\n', at));
            if (at < 0) return false;
        }
        return false;
    }

    private static String afterMarker(String all, int at) {
        int eol = all.indexOf('\n', at);
        return eol < 0 ? "" : all.substring(eol + 1).stripLeading();
    }
}
