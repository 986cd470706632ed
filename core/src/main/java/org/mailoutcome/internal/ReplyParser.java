package org.mailoutcome.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.MalformedReplyException;
import org.mailoutcome.SmtpReply;

/** The single-pass reply parser behind {@link SmtpReply#parse(CharSequence)}: no regex, linear in the input. */
public final class ReplyParser {
    private ReplyParser() {
    }

    /** Parses or throws {@link MalformedReplyException}. */
    public static SmtpReply parse(CharSequence raw) {
        Object result = parseOrProblem(raw);
        if (result instanceof SmtpReply reply) return reply;
        throw new MalformedReplyException((String) result, raw);
    }

    /** Parses or returns empty, without building an exception. */
    public static Optional<SmtpReply> tryParse(CharSequence raw) {
        return parseOrProblem(raw) instanceof SmtpReply reply ? Optional.of(reply) : Optional.empty();
    }

    /** Builds a reply from a code and text whose lines are separated by {@code \n}. */
    public static SmtpReply fromText(int code, String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (true) {
            int eol = text.indexOf('\n', from);
            int end = eol < 0 ? text.length() : eol;
            lines.add(strip(text, from, end > from && text.charAt(end - 1) == '\r' ? end - 1 : end));
            if (eol < 0) break;
            from = eol + 1;
        }
        return new SmtpReply(code, firstStatus(lines), lines);
    }

    /** The lines joined by {@code \n}, each without its leading enhanced status code. */
    public static String textWithoutStatus(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (out.length() > 0) out.append('\n');
            int end = StatusScanner.end(line, 0);
            out.append(end < 0 ? line : strip(line, end, line.length()));
        }
        return out.toString();
    }

    /** Returns the reply, or a String naming the problem. */
    private static Object parseOrProblem(CharSequence raw) {
        int n = trimmedLength(raw);
        if (n == 0) return "empty";
        int firstEnd = lineEnd(raw, 0, n);
        Object code = firstCode(raw, firstEnd);
        if (code instanceof String problem) return problem;
        List<String> lines = new ArrayList<>();
        int pos = 0;
        while (pos < n) {
            int eol = indexOfNewline(raw, pos, n);
            int end = eol > pos && raw.charAt(eol - 1) == '\r' ? eol - 1 : eol;
            if (end > pos || pos == 0) lines.add(textOf(raw, pos, end));
            pos = eol + 1;
        }
        return new SmtpReply((Integer) code, firstStatus(lines), lines);
    }

    /** The code of the first line as an Integer, or a String naming the problem. */
    private static Object firstCode(CharSequence raw, int end) {
        if (end < 3 || !isDigit(raw.charAt(0)) || !isDigit(raw.charAt(1)) || !isDigit(raw.charAt(2))) {
            return "no 3-digit reply code";
        }
        int code = (raw.charAt(0) - '0') * 100 + (raw.charAt(1) - '0') * 10 + (raw.charAt(2) - '0');
        if (code < 100 || code > 599) return "reply code out of range 100-599";
        if (end > 3 && !isSeparator(raw.charAt(3))) {
            return isDigit(raw.charAt(3)) ? "reply code longer than 3 digits" : "no separator after reply code";
        }
        return code;
    }

    /** The text of one line: after "NNN-" / "NNN " when the line has a code, else the whole line. */
    private static String textOf(CharSequence raw, int start, int end) {
        boolean coded = end - start >= 3 && isDigit(raw.charAt(start)) && isDigit(raw.charAt(start + 1))
                && isDigit(raw.charAt(start + 2)) && (end - start == 3 || isSeparator(raw.charAt(start + 3)));
        return strip(raw, coded ? Math.min(start + 4, end) : start, end);
    }

    private static Optional<EnhancedStatus> firstStatus(List<String> lines) {
        for (String line : lines) {
            int end = StatusScanner.end(line, 0);
            if (end >= 0) return Optional.of(StatusScanner.status(line, 0));
        }
        return Optional.empty();
    }

    private static String strip(CharSequence s, int start, int end) {
        while (start < end && isBlank(s.charAt(start))) start++;
        while (end > start && isBlank(s.charAt(end - 1))) end--;
        return s.subSequence(start, end).toString();
    }

    private static int trimmedLength(CharSequence raw) {
        int n = raw.length();
        while (n > 0 && (raw.charAt(n - 1) == '\n' || raw.charAt(n - 1) == '\r')) n--;
        return n;
    }

    private static int lineEnd(CharSequence raw, int from, int n) {
        int eol = indexOfNewline(raw, from, n);
        return eol > from && raw.charAt(eol - 1) == '\r' ? eol - 1 : eol;
    }

    private static int indexOfNewline(CharSequence raw, int from, int n) {
        for (int i = from; i < n; i++) {
            if (raw.charAt(i) == '\n') return i;
        }
        return n;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '\t';
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
