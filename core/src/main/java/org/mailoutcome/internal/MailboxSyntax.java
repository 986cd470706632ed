package org.mailoutcome.internal;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5321 section 4.1.2 mailbox syntax ({@code Local-part "@" Domain}), widened by RFC 6531 (SMTPUTF8) to
 * non-ASCII local parts and U-label domains, with the section 4.5.3.1 size limits: local part 64 octets,
 * domain 255 octets, path (with its angle brackets) 256 octets. Controls, CR/LF and unquoted blanks are refused.
 */
public final class MailboxSyntax {
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 255;
    private static final int MAX_PATH = 256;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private MailboxSyntax() {
    }

    /** Whether {@code s} is a valid mailbox. */
    public static boolean isValid(CharSequence s) {
        if (s.length() + 2 > MAX_PATH || utf8Length(s) + 2 > MAX_PATH) return false;
        int at = localPartEnd(s);
        if (at <= 0 || at >= s.length() - 1 || s.charAt(at) != '@') return false;
        CharSequence local = s.subSequence(0, at);
        CharSequence domain = s.subSequence(at + 1, s.length());
        return utf8Length(local) <= MAX_LOCAL && utf8Length(domain) <= MAX_DOMAIN && isDomain(domain);
    }

    /** The index of the {@code @} that ends a valid local part, or -1. */
    private static int localPartEnd(CharSequence s) {
        return s.charAt(0) == '"' ? quotedEnd(s) : dotStringEnd(s);
    }

    private static int quotedEnd(CharSequence s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') return i + 1 < s.length() && i > 1 ? i + 1 : -1;
            if (c == '\\') {
                i++;
                if (i >= s.length() || !isPrintable(s.charAt(i))) return -1;
            } else if (!isPrintable(c)) {
                return -1;
            }
        }
        return -1;
    }

    private static int dotStringEnd(CharSequence s) {
        boolean lastWasDot = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '@') return lastWasDot ? -1 : i;
            if (c == '.') {
                if (lastWasDot) return -1;
                lastWasDot = true;
            } else if (isAtext(c)) {
                lastWasDot = false;
            } else {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isDomain(CharSequence d) {
        if (d.charAt(0) == '[') return isAddressLiteral(d);
        int labelStart = 0;
        for (int i = 0; i <= d.length(); i++) {
            if (i == d.length() || d.charAt(i) == '.') {
                if (!isLabel(d, labelStart, i)) return false;
                labelStart = i + 1;
            }
        }
        return true;
    }

    private static boolean isLabel(CharSequence d, int from, int to) {
        if (to <= from || to - from > 63 || d.charAt(from) == '-' || d.charAt(to - 1) == '-') return false;
        for (int i = from; i < to; i++) {
            char c = d.charAt(i);
            boolean ok = c == '-' || ReplyParser.isDigit(c) || isAsciiLetter(c) || isNonAsciiText(c);
            if (!ok) return false;
        }
        return true;
    }

    private static boolean isAddressLiteral(CharSequence d) {
        if (d.length() < 3 || d.charAt(d.length() - 1) != ']') return false;
        for (int i = 1; i < d.length() - 1; i++) {
            char c = d.charAt(i);
            boolean ok = c == '.' || c == ':' || ReplyParser.isDigit(c) || isAsciiLetter(c);
            if (!ok) return false;
        }
        return true;
    }

    private static boolean isAtext(char c) {
        return isAsciiLetter(c) || ReplyParser.isDigit(c) || ATEXT_SPECIALS.indexOf(c) >= 0 || isNonAsciiText(c);
    }

    /** Printable ASCII or non-ASCII text, as allowed inside a quoted string (no controls). */
    private static boolean isPrintable(char c) {
        return (c >= 0x20 && c < 0x7f) || isNonAsciiText(c);
    }

    /** Non-ASCII characters allowed by SMTPUTF8: not controls, not blanks, not unpaired-surrogate junk. */
    private static boolean isNonAsciiText(char c) {
        return c >= 0x80 && !Character.isISOControl(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && c != '\uFEFF' && c != '\uFFFD';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int utf8Length(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) return s.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }
}
