package org.mailoutcome.jakarta.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailoutcome.SmtpReply;

/**
 * Finds the queue id in the reply to the end of data. Each line is split into words once and the words are matched
 * against the phrasing of the common servers; no regular expression, so the cost is linear in the reply's length.
 *
 * <table>
 * <caption>Recognised phrasings</caption>
 * <tr><th>server</th><th>reply</th><th>queue id</th></tr>
 * <tr><td>Postfix</td><td>{@code 250 2.0.0 Ok: queued as 4XyZ12}</td><td>{@code 4XyZ12}</td></tr>
 * <tr><td>Exim</td><td>{@code 250 OK id=1rAbCd-000123-4x}</td><td>{@code 1rAbCd-000123-4x}</td></tr>
 * <tr><td>Sendmail</td><td>{@code 250 2.0.0 7AQ8hX9s012345 Message accepted for delivery}</td>
 *     <td>{@code 7AQ8hX9s012345}</td></tr>
 * <tr><td>Microsoft</td><td>{@code 250 2.6.0 <id@host> [InternalId=123, Hostname=x] Queued mail for delivery}</td>
 *     <td>{@code 123}, the internal id (the bracketed part is the Message-ID, not a queue id)</td></tr>
 * <tr><td>Gmail</td><td>{@code 250 2.0.0 OK  1700000000 a1si123456abc.12 - gsmtp}</td>
 *     <td>{@code a1si123456abc.12}</td></tr>
 * <tr><td>qmail</td><td>{@code 250 ok 1700000000 qp 12345}</td><td>{@code 12345}, the qmail-queue process id
 *     that qmail logs</td></tr>
 * <tr><td>Amazon SES</td><td>{@code 250 Ok 0100018c1b2c3d4e-...-000000}</td><td>the id after {@code Ok}, when it
 *     is the last word, at least 10 characters with a digit: the {@code mail.messageId} of SES's events</td></tr>
 * </table>
 */
public final class QueueIds {
    /** Longer tokens are not queue ids (Postfix long ids are 15-20 characters). */
    private static final int MAX_LENGTH = 128;

    private QueueIds() {
    }

    /**
     * The queue id an end-of-data reply names.
     *
     * @param endOfDataReply the reply to the terminating {@code "."}
     * @return the id, or empty when the reply names none
     */
    public static Optional<String> from(SmtpReply endOfDataReply) {
        for (String line : endOfDataReply.lines()) {
            Optional<String> id = fromWords(words(line));
            if (id.isPresent()) return id;
        }
        return Optional.empty();
    }

    private static Optional<String> fromWords(List<String> w) {
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i).toLowerCase(Locale.ROOT);
            String candidate = null;
            if (word.equals("queued") && (is(w, i + 1, "as") || is(w, i + 1, "as:"))) {
                candidate = at(w, i + 2);
            } else if (word.startsWith("id=")) {
                candidate = w.get(i).substring(3);
            } else if (word.startsWith("[internalid=") || word.startsWith("internalid=")) {
                candidate = w.get(i).substring(w.get(i).indexOf('=') + 1);
            } else if (is(w, i + 1, "-") && is(w, i + 2, "gsmtp")) {
                candidate = notACode(w.get(i));
            } else if (word.equals("qp") && i > 0) {
                candidate = digitsOnly(at(w, i + 1));
            } else if (is(w, i + 1, "message") && is(w, i + 2, "accepted") && is(w, i + 3, "for")) {
                candidate = notACode(w.get(i));
            } else if (word.equals("ok") && i + 2 == w.size() && (i == 0 || i == 1 && isCode(w.get(0)))
                    && looksLikeAnId(w.get(i + 1))) {
                candidate = notACode(w.get(i + 1));
            }
            Optional<String> id = clean(candidate);
            if (id.isPresent()) return id;
        }
        return Optional.empty();
    }

    /** Whitespace-separated words, in one pass. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean blank = i == line.length() || Character.isWhitespace(line.charAt(i));
            if (blank && start >= 0) {
                words.add(line.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return words;
    }

    private static boolean is(List<String> words, int index, String lowerCase) {
        return index < words.size() && words.get(index).equalsIgnoreCase(lowerCase);
    }

    private static String at(List<String> words, int index) {
        return index < words.size() ? words.get(index) : null;
    }

    private static String digitsOnly(String word) {
        return word != null && !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9') ? word : null;
    }

    /** An id after a bare {@code Ok}: at least 10 characters with a digit, no {@code =} (not {@code id=...}). */
    private static boolean looksLikeAnId(String word) {
        return word.length() >= 10 && word.indexOf('=') < 0 && word.chars().anyMatch(c -> c >= '0' && c <= '9');
    }

    /** A reply code ({@code 250}) or an enhanced status code ({@code 2.0.0}). */
    private static boolean isCode(String word) {
        return notACode(word) == null;
    }

    /** A reply code or an enhanced status code ({@code 2.0.0}) is no queue id. */
    private static String notACode(String word) {
        return word.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9') ? null : word;
    }

    /** Drops surrounding brackets and trailing punctuation; accepts only visible ASCII without delimiters. */
    private static Optional<String> clean(String candidate) {
        if (candidate == null) return Optional.empty();
        int start = 0;
        int end = candidate.length();
        while (start < end && "<[(\"'".indexOf(candidate.charAt(start)) >= 0) start++;
        while (end > start && ">]),;:.\"'".indexOf(candidate.charAt(end - 1)) >= 0) end--;
        if (end == start || end - start > MAX_LENGTH) return Optional.empty();
        for (int i = start; i < end; i++) {
            char c = candidate.charAt(i);
            if (c <= ' ' || c > '~' || "<>[](),;\"'".indexOf(c) >= 0) return Optional.empty();
        }
        return Optional.of(candidate.substring(start, end));
    }
}
