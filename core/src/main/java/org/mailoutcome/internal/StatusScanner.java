package org.mailoutcome.internal;

import org.mailoutcome.EnhancedStatus;

/**
 * The project's one reading of an RFC 3463 enhanced status code ({@code class.subject.detail}) inside a text,
 * without a regex. A code stands as a word: it is not preceded by a letter, a digit, {@code _} or a {@code .}, and
 * not followed by a letter, a digit, {@code _} or a {@code .} and a digit. So {@code "5.1.1:"}, {@code "#5.1.1"},
 * {@code "(5.1.1)"}, {@code "550-5.1.1"} and a sentence ending in {@code "5.1.1."} hold one; {@code "5.1.1.2"},
 * {@code "2.0.0abc"}, {@code "4.2.2-rc1"}, {@code "v2.0.12"} and {@code "15.1.1"} do not.
 */
public final class StatusScanner {
    private StatusScanner() {
    }

    /** The index just past a code starting at {@code from}, or -1 if none starts there. */
    public static int end(CharSequence s, int from) {
        int n = s.length();
        if (from < 0 || from >= n) return -1;
        char c = s.charAt(from);
        if (c != '2' && c != '4' && c != '5') return -1;
        if (from > 0 && (isWordChar(s.charAt(from - 1)) || s.charAt(from - 1) == '.')) return -1;
        if (from + 1 >= n || s.charAt(from + 1) != '.') return -1;
        int subjectEnd = digits(s, from + 2);
        if (subjectEnd < 0 || subjectEnd >= n || s.charAt(subjectEnd) != '.') return -1;
        int detailEnd = digits(s, subjectEnd + 1);
        if (detailEnd < 0) return -1;
        if (detailEnd == n) return detailEnd;
        char after = s.charAt(detailEnd);
        if (isWordChar(after)) return -1;
        boolean joined = (after == '.' || after == '-') && detailEnd + 1 < n && isWordChar(s.charAt(detailEnd + 1));
        return joined ? -1 : detailEnd;
    }

    /** The index of the first code at or after {@code from}, or -1. Linear in the text. */
    public static int next(CharSequence s, int from) {
        for (int i = Math.max(0, from); i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c == '2' || c == '4' || c == '5') && end(s, i) >= 0) return i;
        }
        return -1;
    }

    /** The code starting at {@code from}; call only where {@link #end} found one. */
    public static EnhancedStatus status(CharSequence s, int from) {
        int subjectEnd = digits(s, from + 2);
        int detailEnd = digits(s, subjectEnd + 1);
        return EnhancedStatus.of(s.charAt(from) - '0', number(s, from + 2, subjectEnd),
                number(s, subjectEnd + 1, detailEnd));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The end of 1 to 3 digits starting at {@code from}, or -1. */
    private static int digits(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && i - from < 4 && ReplyParser.isDigit(s.charAt(i))) i++;
        int count = i - from;
        return count >= 1 && count <= 3 ? i : -1;
    }

    private static int number(CharSequence s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) value = value * 10 + (s.charAt(i) - '0');
        return value;
    }
}
