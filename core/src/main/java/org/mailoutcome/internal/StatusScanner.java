package org.mailoutcome.internal;

import org.mailoutcome.EnhancedStatus;

/** Finds an RFC 3463 enhanced status code ({@code class.subject.detail}) at a position, without a regex. */
final class StatusScanner {
    private StatusScanner() {
    }

    /**
     * The index just past an enhanced status code starting at {@code from}, or -1. The code must be followed by
     * the end of the text, a blank or a {@code ;}/{@code ,} so that {@code "5.1.1.2"} or {@code "2.0.0abc"} is not
     * taken for one.
     */
    static int end(CharSequence s, int from) {
        int n = s.length();
        if (from >= n) return -1;
        char c = s.charAt(from);
        if (c != '2' && c != '4' && c != '5') return -1;
        if (from + 1 >= n || s.charAt(from + 1) != '.') return -1;
        int subjectEnd = digits(s, from + 2);
        if (subjectEnd < 0 || subjectEnd >= n || s.charAt(subjectEnd) != '.') return -1;
        int detailEnd = digits(s, subjectEnd + 1);
        if (detailEnd < 0) return -1;
        if (detailEnd == n) return detailEnd;
        char after = s.charAt(detailEnd);
        return after == ' ' || after == '\t' || after == ';' || after == ',' ? detailEnd : -1;
    }

    /** The status code starting at {@code from}; call only where {@link #end} found one. */
    static EnhancedStatus status(CharSequence s, int from) {
        int subjectEnd = digits(s, from + 2);
        int detailEnd = digits(s, subjectEnd + 1);
        return EnhancedStatus.of(s.charAt(from) - '0', number(s, from + 2, subjectEnd),
                number(s, subjectEnd + 1, detailEnd));
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
