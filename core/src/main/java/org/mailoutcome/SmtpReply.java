package org.mailoutcome;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.internal.ReplyParser;

/**
 * One SMTP reply, single- or multi-line, as a value.
 *
 * <p>{@link #parse(CharSequence)} is liberal in what it accepts, the way real clients are:
 * <ul>
 *   <li>lines end in {@code \r\n} or a bare {@code \n}; a trailing newline and trailing blank lines are ignored;</li>
 *   <li>the code is taken from the first line; continuation lines with a different code, a missing dash on a
 *       continuation line or a missing final line (a truncated multi-line reply) are tolerated;</li>
 *   <li>after the code, a space, a dash or a tab separates the text; extra spaces and tabs are dropped; a 3-digit
 *       code alone is a reply with empty text;</li>
 *   <li>a later line that does not start with a code is kept as text of the reply;</li>
 *   <li>the RFC 3463 enhanced status code is taken from the first line that starts with one.</li>
 * </ul>
 * It rejects, with {@link MalformedReplyException}, input that is empty, does not start with three digits, has a
 * first digit outside 1-5, or runs the code into other characters ({@code "2500 ok"}, {@code "250ok"}).
 * Parsing is a single pass over the input: its cost is linear in its length whatever it contains.
 *
 * @param code the 3-digit reply code, 100 to 599
 * @param enhancedStatus the RFC 3463 enhanced status code of the first line that has one
 * @param lines the text of each line after the code and separator, with surrounding blanks removed
 *     (an enhanced status code at the start of a line is kept here; {@link #text()} drops it)
 */
public record SmtpReply(int code, Optional<EnhancedStatus> enhancedStatus, List<String> lines) {

    /**
     * Checks and copies the components.
     *
     * @param code the reply code
     * @param enhancedStatus the enhanced status code
     * @param lines the text lines
     * @throws IllegalArgumentException if {@code code} is outside 100-599 or {@code lines} is empty
     */
    public SmtpReply {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("code must be within 100-599: " + code);
        }
        Objects.requireNonNull(enhancedStatus, "enhancedStatus");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must not be empty (use one empty line for a reply without text)");
        }
    }

    /**
     * Parses a raw reply as received from a server.
     *
     * @param raw the reply, lines separated by {@code \r\n} or {@code \n}
     * @return the reply
     * @throws MalformedReplyException if the input is not an SMTP reply
     */
    public static SmtpReply parse(CharSequence raw) {
        return ReplyParser.parse(Objects.requireNonNull(raw, "raw"));
    }

    /**
     * Parses a raw reply, or returns empty for input that {@link #parse(CharSequence)} rejects. Never throws.
     *
     * @param raw the reply; {@code null} gives empty
     * @return the reply, or empty
     */
    public static Optional<SmtpReply> tryParse(CharSequence raw) {
        return raw == null ? Optional.empty() : ReplyParser.tryParse(raw);
    }

    /**
     * Builds a reply from a code and its text, taking the enhanced status code from the start of the text.
     *
     * @param code the reply code, 100 to 599
     * @param text the text; lines separated by {@code \n} become lines of a multi-line reply
     * @return the reply
     */
    public static SmtpReply of(int code, String text) {
        return ReplyParser.fromText(code, Objects.requireNonNull(text, "text"));
    }

    /**
     * The text of the reply without codes: each line's enhanced status code removed, lines joined by {@code \n}.
     *
     * @return the text, possibly empty
     */
    public String text() {
        return ReplyParser.textWithoutStatus(lines);
    }

    /**
     * The first digit of the code: 2 positive, 3 intermediate, 4 transient, 5 permanent, 1 preliminary.
     *
     * @return 1 to 5
     */
    public int codeClass() {
        return code / 100;
    }

    /**
     * The reply as it would appear on the wire, lines joined by {@code \n} ({@code "250-a\n250 b"}).
     *
     * @return the wire form
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) out.append('\n');
            out.append(code).append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i));
        }
        return out.toString();
    }
}
