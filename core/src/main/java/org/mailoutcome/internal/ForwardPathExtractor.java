package org.mailoutcome.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the forward path a 251/551/X.1.6 reply, or a 5yz whose text says the recipient moved, names.
 *
 * <p>The address follows one of {@link #PHRASES}, on the same line or at the start of the next one, or stands alone
 * on a later line of a multi-line reply. It may be in angle brackets (the closing bracket may be missing at the end),
 * carry a source route ({@code <@relay:user@host>} gives {@code user@host}), a quoted local part with blanks
 * ({@code <"john smith"@example.net>}), or UTF-8, and be followed by punctuation or a comment. After a "moved"-style
 * phrase a short display name, quoted or not, may precede the bracketed address ({@code "Smith, Bob" <bob@x>}).
 *
 * <p>Where no phrase names one, a 251, 551 or X.1.6 reply that names exactly one valid mailbox in angle brackets
 * other than the recipient's own (the echoed one, or the recipient the caller names) names its forward path, whatever
 * words surround it ({@code Please resend to <x@y>}): RFC 5321 says that is what a 551 carries. A mail system's
 * RFC 2142 role mailbox ({@code <postmaster@...>}, {@code <abuse@...>}) is whom to contact, not a forward path.
 *
 * <p>Never returned: an address the reply echoes at its start ({@code <old@host>: ...}, as Postfix does), the
 * recipient's own address, anything that is not a valid mailbox ({@link MailboxSyntax}), and any address at all
 * when the reply names two different ones as forward paths ({@code please try <a@x> or <b@y>}): ambiguous, so none
 * is followed.
 *
 * <p>Every look-ahead is bounded, so the cost is linear in the text however many phrases it repeats.
 */
public final class ForwardPathExtractor {
    /** Phrases after which a server names the new address, lower case. */
    static final List<String> PHRASES = List.of("please try", "will forward to", "forwarding to", "has moved to",
            "moved to", "has been replaced by", "replaced by", "new address is", "new address:", "new address",
            "forward to", "relocated to", "try instead", "please use", "please send to", "send mail to",
            "please write to", "reached at", "is now at", "is now");
    /** Phrases that introduce a path, never a person's name. */
    private static final Set<String> PATH_ONLY = Set.of("please try", "try instead", "please use", "please send to",
            "send mail to", "please write to", "reached at", "is now at", "is now");
    /** Words that say a recipient moved: a 5yz without X.1.6 names a forward path only after one of them. */
    static final List<String> MOVED_WORDS = List.of("moved", "relocated", "replaced by", "new address", "no longer");
    private static final List<String> LIST_WORDS = List.of("or ", "and ");
    /** RFC 2142 mailboxes of a mail system's operators: whom to contact, never a person's new address. */
    private static final Set<String> ROLE_MAILBOXES = Set.of("postmaster", "hostmaster", "webmaster", "abuse", "noc",
            "security", "mailer-daemon", "root");

    private ForwardPathExtractor() {
    }

    /** The forward path named in the text lines of a 251, 551 or X.1.6 reply, or empty. */
    public static Optional<String> extract(List<String> textLines) {
        return extract(textLines, Optional.empty());
    }

    /**
     * The forward path named in the text lines of a 251, 551 or X.1.6 reply to a recipient (never that recipient),
     * or empty: after a phrase, else the one bracketed mailbox the reply names besides the recipient's own.
     */
    public static Optional<String> extract(List<String> textLines, Optional<String> recipient) {
        List<String> lines = withoutStatus(textLines);
        Set<String> found = find(lines, 0, 1, recipient);
        if (found.isEmpty()) found = bracketed(lines, recipient);
        return only(found);
    }

    /** The new address of a moved recipient, named after one of {@link #MOVED_WORDS}, or empty. */
    public static Optional<String> extractMoved(List<String> textLines) {
        return extractMoved(textLines, Optional.empty());
    }

    /** The new address of a moved recipient (never that recipient), named after a moved word, or empty. */
    public static Optional<String> extractMoved(List<String> textLines, Optional<String> recipient) {
        List<String> lines = withoutStatus(textLines);
        String lower = asciiLowerCase(String.join("\n", lines));
        int from = Integer.MAX_VALUE;
        for (String word : MOVED_WORDS) {
            int at = lower.indexOf(word);
            if (at >= 0) from = Math.min(from, at);
        }
        if (from == Integer.MAX_VALUE) return Optional.empty();
        return only(find(lines, from, lineOf(lower, from) + 1, recipient));
    }

    private static Optional<String> only(Set<String> found) {
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** Every valid mailbox in angle brackets but the echoed one and the recipient's own. */
    private static Set<String> bracketed(List<String> lines, Optional<String> recipient) {
        String text = String.join("\n", lines);
        String echoed = lines.isEmpty() ? "" : echoedAddress(lines.get(0));
        Set<String> found = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (int at = text.indexOf('<'); at >= 0 && found.size() <= 1; at = text.indexOf('<', at + 1)) {
            String candidate = PathScanner.bracketed(text, at).text();
            int sign = candidate.lastIndexOf('@');
            boolean role = sign > 0 && ROLE_MAILBOXES.contains(asciiLowerCase(candidate.substring(0, sign)));
            if (!role) add(candidate, echoed, recipient, found);
        }
        return found;
    }

    /** The lines without their enhanced status codes, so an echo ({@code 5.1.6 <old@host>: ...}) is seen first. */
    private static List<String> withoutStatus(List<String> textLines) {
        return List.of(ReplyParser.textWithoutStatus(textLines).split("\n", -1));
    }

    /** Candidates after {@code from} and on lines from {@code firstStandaloneLine}; more than one is ambiguous. */
    private static Set<String> find(List<String> lines, int from, int firstStandaloneLine, Optional<String> recipient) {
        String text = String.join("\n", lines);
        String lower = asciiLowerCase(text);
        String echoed = lines.isEmpty() ? "" : echoedAddress(lines.get(0));
        Set<String> found = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String phrase : PHRASES) {
            afterPhrase(text, lower, phrase, from, echoed, recipient, found);
            if (found.size() > 1) return found;
        }
        for (int i = firstStandaloneLine; i < lines.size() && found.size() <= 1; i++) {
            standalone(lines.get(i), echoed, recipient, found);
        }
        return found;
    }

    private static void afterPhrase(String text, String lower, String phrase, int from, String echoed,
            Optional<String> recipient, Set<String> found) {
        boolean mayHaveName = !PATH_ONLY.contains(phrase);
        for (int at = lower.indexOf(phrase, from); at >= 0 && found.size() <= 1; at = lower.indexOf(phrase, at + 1)) {
            int p = skip(text, at + phrase.length(), " \t\n:");
            if (p >= text.length()) return;
            PathScanner.Token token = PathScanner.at(text, p, mayHaveName);
            if (add(token.text(), echoed, recipient, found)) listed(text, token.end(), echoed, recipient, found);
        }
    }

    /** Another address right after a forward path ({@code <a@x> or <b@y>}, {@code a@x, b@y}) joins the candidates. */
    private static void listed(String text, int end, String echoed, Optional<String> recipient, Set<String> found) {
        int p = skip(text, end, " \t\n,;/&");
        for (String word : LIST_WORDS) {
            if (text.regionMatches(true, p, word, 0, word.length())) p = skip(text, p + word.length(), " \t\n");
        }
        if (p < text.length()) add(PathScanner.at(text, p, false).text(), echoed, recipient, found);
    }

    /** A line holding nothing but a path, {@code <new@example.net>.} or {@code new@example.net}, no stray brackets. */
    private static void standalone(String line, String echoed, Optional<String> recipient, Set<String> found) {
        int p = skip(line, 0, " \t");
        if (p >= line.length()) return;
        PathScanner.Token token = PathScanner.at(line, p, false);
        if (skip(line, token.end(), " \t.") < line.length()) return;
        String raw = line.substring(p, token.end());
        boolean whole = raw.charAt(0) == '<' ? raw.indexOf('>') > 0 : raw.indexOf('<') < 0 && raw.indexOf('>') < 0;
        if (whole) add(token.text(), echoed, recipient, found);
    }

    private static boolean add(String candidate, String echoed, Optional<String> recipient, Set<String> found) {
        boolean own = candidate.equalsIgnoreCase(echoed) || recipient.filter(candidate::equalsIgnoreCase).isPresent();
        if (candidate.isEmpty() || own || !MailboxSyntax.isValid(candidate)) return false;
        found.add(candidate);
        return true;
    }

    private static int skip(String text, int from, String chars) {
        int p = from;
        while (p < text.length() && chars.indexOf(text.charAt(p)) >= 0) p++;
        return p;
    }

    private static int lineOf(String text, int index) {
        int line = 0;
        for (int i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
        return line;
    }

    /** The address in a leading {@code <addr>:} echo, as Postfix writes it, or "". */
    private static String echoedAddress(String firstLine) {
        if (!firstLine.startsWith("<")) return "";
        int close = firstLine.indexOf('>');
        return close > 0 && close <= PathScanner.MAX_TOKEN ? firstLine.substring(1, close) : "";
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
