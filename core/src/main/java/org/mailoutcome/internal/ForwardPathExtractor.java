package org.mailoutcome.internal;

import java.util.List;
import java.util.Optional;

/**
 * Finds the forward path a 251/551/X.1.6 reply names, in any line of its text.
 *
 * <p>The address must follow one of {@link #PHRASES}; it may be in angle brackets (the closing bracket may be
 * missing at the end of the text), carry a source route ({@code <@relay:user@host>} gives {@code user@host}),
 * a quoted local part, or UTF-8. After a "moved"-style phrase (not after "please try") a short display name may
 * precede the bracketed address ({@code Bob Smith <bob@new.example>}). An address the reply echoes at its
 * start ({@code <old@host>: ...}, as Postfix does) is never returned, nor anything that is not a valid mailbox.
 *
 * <p>Every look-ahead is bounded, so the cost is linear in the text however many phrases it repeats.
 */
public final class ForwardPathExtractor {
    /** Phrases after which a server names the new address, lower case. */
    static final List<String> PHRASES = List.of("please try", "will forward to", "forwarding to", "has moved to",
            "moved to", "has been replaced by", "replaced by", "new address is", "new address:", "forward to",
            "relocated to", "try instead");
    /** The phrases that by themselves say a recipient has moved (not "please try", which only 551 gives meaning). */
    static final List<String> MOVED_PHRASES = List.of("has moved to", "moved to", "has been replaced by",
            "replaced by", "new address is", "new address:", "relocated to");
    private static final int MAX_TOKEN = 300;
    private static final int MAX_DISPLAY_NAME = 64;

    private ForwardPathExtractor() {
    }

    /** The forward path named in the text lines after any of {@link #PHRASES}, or empty. */
    public static Optional<String> extract(List<String> textLines) {
        return extract(textLines, PHRASES);
    }

    /** The new address of a moved recipient, named after one of {@link #MOVED_PHRASES}, or empty. */
    public static Optional<String> extractMoved(List<String> textLines) {
        return extract(textLines, MOVED_PHRASES);
    }

    private static Optional<String> extract(List<String> textLines, List<String> phrases) {
        String echoed = textLines.isEmpty() ? "" : echoedAddress(textLines.get(0));
        for (String line : textLines) {
            String lower = asciiLowerCase(line);
            for (String phrase : phrases) {
                Optional<String> found = extractAfter(line, lower, phrase, echoed);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> extractAfter(String line, String lower, String phrase, String echoed) {
        for (int at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
            boolean mayHaveName = !phrase.equals("please try") && !phrase.equals("try instead");
            String candidate = addressAfter(line, at + phrase.length(), mayHaveName);
            if (candidate != null && !candidate.equalsIgnoreCase(echoed) && MailboxSyntax.isValid(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The address-like text after {@code from}, or null. */
    private static String addressAfter(String line, int from, boolean mayHaveName) {
        int p = from;
        while (p < line.length() && (line.charAt(p) == ' ' || line.charAt(p) == '\t' || line.charAt(p) == ':')) p++;
        if (p >= line.length()) return null;
        if (line.charAt(p) == '<') return withoutSourceRoute(bracketed(line, p));
        String token = token(line, p);
        if (token.indexOf('@') > 0) return trimPunctuation(token);
        return mayHaveName ? afterDisplayName(line, p) : null;
    }

    /** The content of {@code <...>} at {@code open}; an unclosed bracket runs to the next blank or the end. */
    private static String bracketed(String line, int open) {
        int limit = Math.min(line.length(), open + 1 + MAX_TOKEN);
        for (int i = open + 1; i < limit; i++) {
            char c = line.charAt(i);
            if (c == '>') return line.substring(open + 1, i);
            if (c == ' ' || c == '\t') return trimPunctuation(line.substring(open + 1, i));
        }
        return limit == line.length() ? trimPunctuation(line.substring(open + 1, limit)) : null;
    }

    /** A blank-delimited token at {@code p}, keeping blanks inside a leading quoted local part. */
    private static String token(String line, int p) {
        int limit = Math.min(line.length(), p + MAX_TOKEN);
        boolean quoted = line.charAt(p) == '"';
        int i = p + 1;
        while (i < limit) {
            char c = line.charAt(i);
            if (quoted && c == '\\') i++;
            else if (quoted && c == '"') quoted = false;
            else if (!quoted && (c == ' ' || c == '\t')) break;
            i++;
        }
        return line.substring(p, Math.min(i, line.length()));
    }

    /** {@code Bob Smith <bob@new.example>}: a short run of name words, then a bracketed address. */
    private static String afterDisplayName(String line, int p) {
        int limit = Math.min(line.length(), p + MAX_DISPLAY_NAME);
        for (int i = p; i < limit; i++) {
            char c = line.charAt(i);
            if (c == '<') return withoutSourceRoute(bracketed(line, i));
            boolean nameChar = Character.isLetter(c) || c == ' ' || c == '.' || c == '\'' || c == '-' || c == '"';
            if (!nameChar) return null;
        }
        return null;
    }

    private static String withoutSourceRoute(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '@') return path;
        int colon = path.indexOf(':');
        return colon < 0 ? null : path.substring(colon + 1);
    }

    private static String trimPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:)!?'>".indexOf(s.charAt(end - 1)) >= 0) end--;
        int start = 0;
        while (start < end && "('".indexOf(s.charAt(start)) >= 0) start++;
        return s.substring(start, end);
    }

    /** The address in a leading {@code <addr>:} echo, as Postfix writes it, or "". */
    private static String echoedAddress(String firstLine) {
        if (!firstLine.startsWith("<")) return "";
        int close = firstLine.indexOf('>');
        return close > 0 && close <= MAX_TOKEN ? firstLine.substring(1, close) : "";
    }

    /** Lower-cases ASCII letters only, so indexes match the original string exactly. */
    static String asciiLowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') chars[i] = (char) (chars[i] + 32);
        }
        return new String(chars);
    }
}
