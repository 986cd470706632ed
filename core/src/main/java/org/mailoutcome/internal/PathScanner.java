package org.mailoutcome.internal;

/**
 * Reads the address-like token at a position of a reply's text: {@code <path>} (quoted local parts with blanks,
 * source routes, a missing {@code >} at a blank or the end of the text, never at a line end), a bare
 * {@code mailbox} with trailing punctuation or a {@code (comment)} cut off, or a short display name
 * ({@code "Smith, John" <john@new.example>}) before a bracketed path. A CR anywhere ends it empty. Every look-ahead is
 * bounded by {@link #MAX_TOKEN}; what is read is not yet checked as a mailbox.
 */
final class PathScanner {
    /** The longest token read: longer than any valid path (256 octets), so a cut never makes a valid one. */
    static final int MAX_TOKEN = 300;
    private static final int MAX_DISPLAY_NAME = 64;
    private static final int MAX_NAME_WORDS = 4;
    private static final String TRAILING = ".,;:)!?'>";

    /**
     * A token: its text (source route removed, punctuation trimmed; empty when nothing address-like was there) and
     * the index after it.
     */
    record Token(String text, int end) {
        boolean hasAt() {
            return text.indexOf('@') > 0;
        }
    }

    private PathScanner() {
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    /** The token at {@code p}, which is not a blank; with {@code mayHaveName} a display name may come first. */
    static Token at(String text, int p, boolean mayHaveName) {
        if (text.charAt(p) == '<') return bracketed(text, p);
        Token bare = bare(text, p);
        if (bare.hasAt() || !mayHaveName) return bare;
        Token named = afterDisplayName(text, p);
        return named.hasAt() ? named : bare;
    }

    /** The content of {@code <...>} at {@code open}; an unclosed bracket runs to the next blank or the end. */
    static Token bracketed(String text, int open) {
        int limit = Math.min(text.length(), open + 1 + MAX_TOKEN);
        boolean quoted = false;
        for (int i = open + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') return new Token("", i);
            if (quoted && c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (!quoted && c == '>') return new Token(withoutSourceRoute(text.substring(open + 1, i)), i + 1);
            else if (!quoted && isBlank(c)) return new Token(clean(text.substring(open + 1, i)), i);
        }
        String rest = limit == text.length() ? clean(text.substring(open + 1, limit)) : "";
        return new Token(rest, limit);
    }

    /** A blank-delimited token, keeping blanks inside a quoted string; a {@code (} outside quotes ends it too. */
    static Token bare(String text, int p) {
        int limit = Math.min(text.length(), p + MAX_TOKEN);
        boolean quoted = false;
        int i = p;
        while (i < limit) {
            char c = text.charAt(i);
            if (c == '\r') return new Token("", i + 1);
            if (c == '\n') break;
            if (quoted && c == '\\') i++;
            else if (c == '"') quoted = !quoted;
            else if (!quoted && (isBlank(c) || c == '(' || c == '<') && i > p) break;
            i++;
        }
        int end = Math.min(i, text.length());
        return new Token(clean(text.substring(p, end)), Math.max(end, p + 1));
    }

    /**
     * {@code Bob Smith <bob@new.example>} or {@code "Smith, Bob" <bob@new.example>}: a quoted string or up to four
     * name words (a word ending in a dot must be an initial, so a sentence never passes for a name), then a
     * bracketed path.
     */
    private static Token afterDisplayName(String text, int p) {
        int limit = Math.min(text.length(), p + MAX_DISPLAY_NAME);
        int i = p;
        int words = 0;
        while (i < limit && words <= MAX_NAME_WORDS) {
            char c = text.charAt(i);
            if (c == '<') return words > 0 ? bracketed(text, i) : new Token("", p + 1);
            if (isBlank(c)) {
                i++;
                continue;
            }
            int end = c == '"' ? quotedEnd(text, i, limit) : nameWordEnd(text, i, limit);
            if (end < 0) break;
            words++;
            i = end;
        }
        return new Token("", p + 1);
    }

    private static int quotedEnd(String text, int open, int limit) {
        for (int i = open + 1; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') return -1;
            if (c == '\\') i++;
            else if (c == '"') return i + 1;
        }
        return -1;
    }

    private static int nameWordEnd(String text, int from, int limit) {
        int i = from;
        while (i < limit && (Character.isLetter(text.charAt(i)) || "'-.".indexOf(text.charAt(i)) >= 0)) i++;
        if (i == from || i < limit && !isBlank(text.charAt(i)) && text.charAt(i) != '<') return -1;
        boolean endsInDot = text.charAt(i - 1) == '.';
        return endsInDot && i - from > 2 ? -1 : i;
    }

    private static String clean(String s) {
        return withoutSourceRoute(trimPunctuation(s));
    }

    /** {@code @relay,@relay2:user@host} gives {@code user@host}; a route without a colon gives "". */
    private static String withoutSourceRoute(String path) {
        if (path.isEmpty() || path.charAt(0) != '@') return path;
        int colon = path.indexOf(':');
        return colon < 0 ? "" : path.substring(colon + 1);
    }

    /** Cuts trailing punctuation and leading brackets, and unwraps {@code "new@example.net"} quoted whole. */
    private static String trimPunctuation(String s) {
        int end = s.length();
        while (end > 0 && TRAILING.indexOf(s.charAt(end - 1)) >= 0) end--;
        int start = 0;
        while (start < end && "('".indexOf(s.charAt(start)) >= 0) start++;
        boolean quotedWhole = end - start > 2 && s.charAt(start) == '"' && s.indexOf('"', start + 1) == end - 1;
        int at = s.indexOf('@', start);
        boolean unwrap = quotedWhole && at > start + 1 && at < end - 2;
        return unwrap ? s.substring(start + 1, end - 1) : s.substring(start, end);
    }
}
