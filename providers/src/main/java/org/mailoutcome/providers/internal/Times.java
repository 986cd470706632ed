package org.mailoutcome.providers.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Provider timestamps: Unix seconds as a number or a string, with or without a fraction (SendGrid, Mailgun,
 * SparkPost, Mailjet), and ISO 8601 with an offset (SES, Postmark, SparkPost), also SES's
 * {@code "2018-10-08T14:05:45 +0000"}. Anything else is empty: a time that cannot be read is not an error.
 */
public final class Times {
    /** Longer than any timestamp; a bound on the work. */
    private static final int MAX_LENGTH = 40;
    /** Unix seconds accepted: 1970 to the year 9999. */
    private static final long MAX_SECONDS = 253_402_300_799L;

    private Times() {
    }

    /** A JSON value read as a time. */
    public static Optional<Instant> of(JsonElement value) {
        return value instanceof JsonPrimitive p && (p.isNumber() || p.isString()) ? of(p.getAsString()) : Optional.empty();
    }

    /** A text read as a time. */
    public static Optional<Instant> of(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH) return Optional.empty();
        if (isDecimal(s)) return seconds(s);
        try {
            return Optional.of(OffsetDateTime.parse(normalised(s), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> seconds(String s) {
        BigDecimal value = new BigDecimal(s);
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(MAX_SECONDS)) > 0) return Optional.empty();
        long whole = value.longValue();
        long nanos = value.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Optional.of(Instant.ofEpochSecond(whole, nanos));
    }

    private static boolean isDecimal(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') dots++;
            else if (c < '0' || c > '9') return false;
        }
        return dots <= 1 && s.charAt(0) != '.' && s.charAt(s.length() - 1) != '.';
    }

    /** {@code "... +0000"} becomes {@code "...+00:00"}; a {@code Z} or {@code +hh:mm} is left alone. */
    private static String normalised(String s) {
        String t = s.replace(" +", "+").replace(" -", "-");
        int n = t.length();
        if (n > 5 && (t.charAt(n - 5) == '+' || t.charAt(n - 5) == '-') && isDecimal(t.substring(n - 4))) {
            return t.substring(0, n - 2) + ":" + t.substring(n - 2);
        }
        return t;
    }
}
