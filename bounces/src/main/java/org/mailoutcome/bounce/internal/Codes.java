package org.mailoutcome.bounce.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.EnhancedStatus;

/**
 * Reply codes and enhanced status codes in a notice's text. Every enhanced code is read with core's one finder,
 * {@link EnhancedStatus#findFrom}; this class only decides which of them count where.
 */
final class Codes {
    /**
     * A reply code standing as a word, followed by a blank or hyphen and then no number but the start of an enhanced
     * code: {@code 550 }, {@code 421-}, {@code 550 5.1.1}.
     */
    private static final Pattern REPLY = Pattern.compile("(?<![\\w.\\-:/#])([245][0-5]\\d)(?=[ -](?:\\D|\\d\\.))");
    /** Words that label a status code in prose: {@code Status: 5.1.1}, {@code status code 4.4.7}. */
    private static final Pattern STATUS_LABEL = Pattern.compile("(?i)(status(?: code)?|code)[ \\t]*[:=]?[ \\t]*$");
    private static final int MAX_TEXT = 4096;

    private Codes() {
    }

    /** The first reply code of a text and where it starts, or empty. */
    static Optional<int[]> firstReply(String text) {
        Matcher m = REPLY.matcher(cut(text));
        return m.find() ? Optional.of(new int[] {Integer.parseInt(m.group(1)), m.start(1)}) : Optional.empty();
    }

    /** Whether the text quotes an SMTP reply: a reply code of class 4 or 5 followed by text. */
    static boolean hasFailureReply(String text) {
        Matcher m = REPLY.matcher(cut(text));
        while (m.find()) if (m.group(1).charAt(0) != '2') return true;
        return false;
    }

    /**
     * The last enhanced code that directly follows a reply code of its own class ({@code 550 5.1.1},
     * {@code 550-5.1.1}, {@code 550 #5.1.1}, {@code 550 '5.1.1'}).
     */
    static Optional<EnhancedStatus> lastAttached(String text) {
        String t = cut(text);
        Optional<EnhancedStatus> last = Optional.empty();
        for (Optional<EnhancedStatus.Found> f = EnhancedStatus.findFrom(t, 0); f.isPresent();
                f = EnhancedStatus.findFrom(t, f.get().end())) {
            if (replyCodeBefore(t, f.get().start()) == f.get().status().statusClass()) last = f.map(EnhancedStatus.Found::status);
        }
        return last;
    }

    /**
     * The first enhanced code that the prose of a notice states as one: attached to a reply code, after a {@code #}
     * (Exchange's {@code #5.1.1}, qmail's {@code (#5.1.1)}) or after a status label. A dotted number anywhere else
     * in free text (a version in a subject, a date) is not a status.
     */
    static Optional<EnhancedStatus> statedInProse(String text) {
        String t = cut(text);
        for (Optional<EnhancedStatus.Found> f = EnhancedStatus.findFrom(t, 0); f.isPresent();
                f = EnhancedStatus.findFrom(t, f.get().end())) {
            int start = f.get().start();
            boolean hash = start > 0 && t.charAt(start - 1) == '#';
            boolean labelled = STATUS_LABEL.matcher(t.substring(Math.max(0, start - 24), start)).find();
            if (hash || labelled || replyCodeBefore(t, start) > 0) return f.map(EnhancedStatus.Found::status);
        }
        return Optional.empty();
    }

    /**
     * The class of the reply code right before index {@code at} ({@code 550 }, {@code 550-}, {@code 550 #},
     * {@code 550 '}), or 0.
     */
    private static int replyCodeBefore(String t, int at) {
        int i = at;
        if (i > 0 && "'\"#".indexOf(t.charAt(i - 1)) >= 0) i--;
        int separators = 0;
        while (i > 0 && (t.charAt(i - 1) == ' ' || t.charAt(i - 1) == '-') && separators < 8) {
            i--;
            separators++;
        }
        if (separators == 0 || i < 3) return 0;
        String code = t.substring(i - 3, i);
        boolean digits = code.chars().allMatch(Character::isDigit) && "245".indexOf(code.charAt(0)) >= 0;
        boolean standing = i - 3 == 0 || !Character.isLetterOrDigit(t.charAt(i - 4)) && t.charAt(i - 4) != '.';
        return digits && standing ? code.charAt(0) - '0' : 0;
    }

    /**
     * A flattened multi-line reply ({@code 550-5.1.1 a 550-5.1.1 b}) with a line break before each reply code
     * that starts a line of it, so that core reads it as the lines it was.
     */
    static String lineBreaksBeforeReplies(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Optional<EnhancedStatus.Found> f = EnhancedStatus.findFrom(text, 0); f.isPresent();
                f = EnhancedStatus.findFrom(text, f.get().end())) {
            int start = f.get().start();
            if (replyCodeBefore(text, start) == 0 || "'\"#".indexOf(text.charAt(start - 1)) >= 0) continue;
            int code = start;
            while (code > 0 && (text.charAt(code - 1) == ' ' || text.charAt(code - 1) == '-')) code--;
            code -= 3;
            int blanks = code;
            while (blanks > 0 && Character.isWhitespace(text.charAt(blanks - 1))) blanks--;
            boolean followedByBlank = f.get().end() == text.length() || Character.isWhitespace(text.charAt(f.get().end()));
            if (blanks == code || blanks < copied || !followedByBlank) continue;
            out.append(text, copied, blanks).append('\n');
            copied = code;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static String cut(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
