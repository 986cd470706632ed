package org.mailoutcome.bounce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module's one reading of an e-mail address inside text: a field value, a line of a text bounce, a header the
 * tracker correlates by. The local part is RFC 5322 atext and dots (UTF-8 letters allowed, RFC 6531), without the
 * characters that in notices border an address rather than belong to it ({@code / ? | ` { }}); the domain is
 * dot-separated labels of letters, digits and hyphens ending in an ASCII (or {@code xn--}) top-level label, so an
 * address runs into no text written right after it, or a single label ({@code root@localhost}), or an address
 * literal. Quotes and dots the pattern takes at either end are
 * trimmed. Exchange's encapsulated addresses ({@code IMCEASMTP-jdoe+40example+2Ecom@host}) are decoded.
 */
public final class Addresses {
    /** Starts only where no local-part character precedes, so a long run without an {@code @} is read once. */
    private static final Pattern ADDRESS = Pattern.compile("(?<![\\p{L}\\p{N}!#$%&'*+=^_~.\\-])"
            + "[\\p{L}\\p{N}!#$%&'*+=^_~.\\-]++@(?:(?:[\\p{L}\\p{N}\\-]+\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9\\-]+)"
                    + "|[A-Za-z0-9\\-]+|\\[[A-Za-z0-9.:]+])");
    private static final Pattern ENCAPSULATED = Pattern.compile("(?i)^IMCEASMTP-(.+)@[^@]+$");
    private static final Pattern HEX = Pattern.compile("\\+([0-9A-Fa-f]{2})");
    private static final int MAX_ADDRESSES = 500;

    private Addresses() {
    }

    /** The first address in a text. */
    public static Optional<String> first(CharSequence text) {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            Optional<String> a = cleaned(m.group());
            if (a.isPresent()) return a;
        }
        return Optional.empty();
    }

    /** Every address in a text, in order (at most 500). */
    public static List<String> all(CharSequence text) {
        List<String> found = new ArrayList<>();
        Matcher m = ADDRESS.matcher(text);
        while (m.find() && found.size() < MAX_ADDRESSES) cleaned(m.group()).ifPresent(found::add);
        return found;
    }

    /** The address that starts exactly at {@code from} and its end index, or empty. */
    static Optional<Hit> at(CharSequence text, int from) {
        Matcher m = ADDRESS.matcher(text).region(from, text.length());
        if (!m.lookingAt()) return Optional.empty();
        return cleaned(m.group()).map(a -> new Hit(a, m.end()));
    }

    /** An address read at a position, and the index after it. */
    record Hit(String address, int end) {
    }

    /** Trims quotes and dots at either end, decodes an encapsulated address; empty if no local part or domain is left. */
    private static Optional<String> cleaned(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && ".'-".indexOf(raw.charAt(start)) >= 0) start++;
        while (end > start && ".'-".indexOf(raw.charAt(end - 1)) >= 0) end--;
        String a = raw.substring(start, end);
        int at = a.indexOf('@');
        if (at <= 0 || at == a.length() - 1) return Optional.empty();
        return Optional.of(decapsulated(a));
    }

    /** {@code IMCEASMTP-jdoe+40example+2Ecom@exchange.host} gives {@code jdoe@example.com}. */
    private static String decapsulated(String address) {
        Matcher m = ENCAPSULATED.matcher(address);
        if (!m.matches()) return address;
        Matcher hex = HEX.matcher(m.group(1));
        StringBuilder out = new StringBuilder();
        while (hex.find()) hex.appendReplacement(out, Matcher.quoteReplacement(
                Character.toString((char) Integer.parseInt(hex.group(1), 16))));
        hex.appendTail(out);
        String decoded = out.toString();
        return decoded.indexOf('@') > 0 ? decoded : address;
    }
}
