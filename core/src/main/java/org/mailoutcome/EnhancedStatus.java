package org.mailoutcome;

import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.internal.EnhancedStatusRegistry;
import org.mailoutcome.internal.StatusScanner;

/**
 * An RFC 3463 enhanced mail system status code, {@code class.subject.detail}, such as {@code 5.1.1}.
 *
 * <pre>{@code
 * EnhancedStatus status = EnhancedStatus.parse("5.1.1");
 * status.title();          // "Bad destination mailbox address"
 * status.subjectTitle();   // "Addressing Status"
 * status.matches(1, 1);    // true, whatever the class
 * }</pre>
 *
 * <p>Titles come from the IANA "SMTP Enhanced Status Codes" registry, which lists every code as
 * {@code X.subject.detail}: a code is registered, and has the same title, whatever its class.
 *
 * @param statusClass the class: 2 success, 4 persistent transient failure, 5 permanent failure
 * @param subject the subject, 0 to 999: 0 other, 1 addressing, 2 mailbox, 3 mail system, 4 network and routing,
 *     5 mail delivery protocol, 6 message content or media, 7 security or policy
 * @param detail the detail within the subject, 0 to 999
 */
public record EnhancedStatus(int statusClass, int subject, int detail) {
    /** The longest valid text: {@code "5.999.999"}. */
    private static final int MAX_LENGTH = 9;

    /**
     * Checks the components.
     *
     * @param statusClass the class, 2, 4 or 5
     * @param subject the subject, 0 to 999
     * @param detail the detail, 0 to 999
     * @throws IllegalArgumentException if a component is out of range
     */
    public EnhancedStatus {
        if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
            throw new IllegalArgumentException("statusClass must be 2, 4 or 5: " + statusClass);
        }
        if (subject < 0 || subject > 999) throw new IllegalArgumentException("subject must be 0-999: " + subject);
        if (detail < 0 || detail > 999) throw new IllegalArgumentException("detail must be 0-999: " + detail);
    }

    /**
     * The enhanced status code with these components.
     *
     * @param statusClass the class, 2, 4 or 5
     * @param subject the subject, 0 to 999
     * @param detail the detail, 0 to 999
     * @return the code
     * @throws IllegalArgumentException if a component is out of range
     */
    public static EnhancedStatus of(int statusClass, int subject, int detail) {
        return new EnhancedStatus(statusClass, subject, detail);
    }

    /**
     * Parses RFC 3463 syntax: {@code "2"/"4"/"5" "." 1*3digit "." 1*3digit}, nothing before or after (no blanks).
     * Leading zeros are accepted ({@code "5.01.001"} is {@code 5.1.1}). The cost is constant: at most nine
     * characters are read, whatever the length of the input.
     *
     * @param text the code, e.g. {@code "5.1.1"}
     * @return the code
     * @throws MalformedEnhancedStatusException if the text is not an enhanced status code
     */
    public static EnhancedStatus parse(CharSequence text) {
        Objects.requireNonNull(text, "text");
        Optional<String> problem = problem(text);
        if (problem.isPresent()) throw new MalformedEnhancedStatusException(problem.get(), text);
        return build(text);
    }

    /**
     * Parses like {@link #parse(CharSequence)}, or returns empty for text it rejects. Never throws.
     *
     * @param text the code; {@code null} gives empty
     * @return the code, or empty
     */
    public static Optional<EnhancedStatus> tryParse(CharSequence text) {
        return text == null || problem(text).isPresent() ? Optional.empty() : Optional.of(build(text));
    }

    /**
     * The first enhanced status code that stands as a word in a text: not preceded by a letter, a digit, {@code _}
     * or {@code .}, and not followed by a letter, a digit, {@code _}, or a {@code .} or {@code -} joined to a letter
     * or digit. So {@code "550 5.1.1 unknown"}, {@code "550-5.1.1"}, {@code "5.1.1:"}, {@code "#5.1.1"},
     * {@code "(5.1.1)"} and a sentence ending in {@code "5.1.1."} each hold {@code 5.1.1}; {@code "5.1.1.2"},
     * {@code "2.0.0abc"}, {@code "4.2.2-rc1"}, {@code "v2.0.12"} and {@code "15.1.1"} hold none. This is the one
     * reading of a code in free text that every module uses; where a code may be taken at all (a {@code Status}
     * field, a reply, a diagnostic, never a subject line) is the caller's choice. Linear in the text.
     *
     * <pre>{@code
     * EnhancedStatus.find("smtp; 550 5.1.1 <a@example.com>: user unknown"); // 5.1.1
     * EnhancedStatus.find("release 2.0.12.1 is out");                      // empty
     * }</pre>
     *
     * @param text the text
     * @return the first code, or empty
     */
    public static Optional<EnhancedStatus> find(CharSequence text) {
        return findFrom(text, 0).map(Found::status);
    }

    /**
     * The first code standing as a word (as {@link #find(CharSequence)} reads it) at or after an index, with where
     * it is.
     *
     * @param text the text
     * @param from the index to start at; beyond the end gives empty
     * @return the code and its span, or empty
     */
    public static Optional<Found> findFrom(CharSequence text, int from) {
        Objects.requireNonNull(text, "text");
        int start = StatusScanner.next(text, from);
        return start < 0 ? Optional.empty() : at(text, start);
    }

    /**
     * The code standing as a word (as {@link #find(CharSequence)} reads it) that starts exactly at an index.
     *
     * @param text the text
     * @param index where the code must start
     * @return the code and its span, or empty
     */
    public static Optional<Found> at(CharSequence text, int index) {
        Objects.requireNonNull(text, "text");
        int end = StatusScanner.end(text, index);
        return end < 0 ? Optional.empty() : Optional.of(new Found(StatusScanner.status(text, index), index, end));
    }

    /**
     * An enhanced status code found in a text.
     *
     * @param status the code
     * @param start the index of its first character
     * @param end the index just past its last character
     */
    public record Found(EnhancedStatus status, int start, int end) {
        /**
         * Checks the components.
         *
         * @param status the code
         * @param start the start index, at least 0
         * @param end the end index, past {@code start}
         */
        public Found {
            Objects.requireNonNull(status, "status");
            if (start < 0 || end <= start) throw new IllegalArgumentException("bad span: " + start + ".." + end);
        }
    }

    /**
     * Whether {@code X.subject.detail} is in the IANA registry.
     *
     * @return true for a registered code such as {@code 5.1.1}, false for e.g. {@code 5.7.606}
     */
    public boolean isRegistered() {
        return EnhancedStatusRegistry.title(subject, detail).isPresent();
    }

    /**
     * The registry's title of this code, e.g. {@code "Bad destination mailbox address"} for {@code X.1.1}. A code
     * that is not registered gets the title of {@code X.subject.0} when its subject is registered (so
     * {@code 5.7.606} gives {@code "Other or undefined security status"}), else that of {@code X.0.0},
     * {@code "Other undefined Status"}.
     *
     * @return the title, never empty
     */
    public String title() {
        return EnhancedStatusRegistry.title(subject, detail)
                .or(() -> EnhancedStatusRegistry.title(subject, 0))
                .or(() -> EnhancedStatusRegistry.title(0, 0))
                .orElseThrow();
    }

    /**
     * The registry's title of the subject, e.g. {@code "Addressing Status"} for {@code X.1.Z}; a subject above 7,
     * which is not registered, gives {@code "Other or Undefined Status"}.
     *
     * @return the subject's title
     */
    public String subjectTitle() {
        return EnhancedStatusRegistry.subjectTitle(subject).or(() -> EnhancedStatusRegistry.subjectTitle(0))
                .orElseThrow();
    }

    /**
     * Whether this is {@code X.subject.detail}, whatever its class: {@code matches(1, 1)} is true for
     * {@code 4.1.1} and {@code 5.1.1}.
     *
     * @param subject the subject to compare with
     * @param detail the detail to compare with
     * @return true if both are equal
     */
    public boolean matches(int subject, int detail) {
        return this.subject == subject && this.detail == detail;
    }

    /**
     * The code as written in replies, e.g. {@code "5.1.6"}; {@link #parse(CharSequence)} reads it back.
     *
     * @return the code without leading zeros
     */
    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }

    /** What is wrong with the text, or empty if it is a valid code. Reads at most {@link #MAX_LENGTH} chars. */
    private static Optional<String> problem(CharSequence text) {
        int n = text.length();
        if (n == 0) return Optional.of("empty");
        if (n > MAX_LENGTH) return Optional.of("longer than " + MAX_LENGTH + " characters");
        char c = text.charAt(0);
        if (c != '2' && c != '4' && c != '5') return Optional.of("class must be 2, 4 or 5");
        if (n < 2 || text.charAt(1) != '.') return Optional.of("no '.' after the class");
        int subjectEnd = digitsEnd(text, 2);
        if (subjectEnd == 2 || subjectEnd > 5) return Optional.of("subject must be 1 to 3 digits");
        if (subjectEnd == n || text.charAt(subjectEnd) != '.') return Optional.of("no '.' after the subject");
        int detailEnd = digitsEnd(text, subjectEnd + 1);
        int detailDigits = detailEnd - subjectEnd - 1;
        if (detailDigits < 1 || detailDigits > 3) return Optional.of("detail must be 1 to 3 digits");
        if (detailEnd != n) return Optional.of("unexpected character after the detail");
        return Optional.empty();
    }

    /** Builds the code from text that {@link #problem} accepted. */
    private static EnhancedStatus build(CharSequence text) {
        int subjectEnd = digitsEnd(text, 2);
        return new EnhancedStatus(text.charAt(0) - '0', number(text, 2, subjectEnd),
                number(text, subjectEnd + 1, text.length()));
    }

    private static int digitsEnd(CharSequence text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
        return i;
    }

    private static int number(CharSequence text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) value = value * 10 + (text.charAt(i) - '0');
        return value;
    }
}
