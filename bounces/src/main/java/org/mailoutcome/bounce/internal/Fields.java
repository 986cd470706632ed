package org.mailoutcome.bounce.internal;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.EnhancedStatus;

/** Values of DSN and header fields: typed addresses, statuses, dates, Message-IDs. */
final class Fields {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern XTEXT = Pattern.compile("\\\\x\\{([0-9A-Fa-f]{1,6})}");

    private Fields() {
    }

    /** {@code "rfc822; <a@b>"} gives {@code a@b}; the type is dropped, {@code utf-8} xtext is decoded. */
    static Optional<String> address(String value) {
        int semicolon = value.indexOf(';');
        String rest = semicolon >= 0 && semicolon < 20 ? value.substring(semicolon + 1) : value;
        rest = decodeXtext(rest.strip());
        Optional<String> address = Addresses.first(rest);
        if (address.isPresent()) return address;
        String bare = rest.replaceAll("[<>\"]", "").strip();
        return bare.isEmpty() || bare.contains(" ") ? Optional.empty() : Optional.of(bare);
    }

    /** An address found anywhere in a text. */
    static Optional<String> anyAddress(String text) {
        return Addresses.first(text);
    }

    /** The first enhanced status code in the text, as core reads one ({@link EnhancedStatus#find}). */
    static Optional<EnhancedStatus> status(String text) {
        return EnhancedStatus.find(text);
    }

    /** The value after the type, e.g. {@code "dns; mx.example.com"} gives {@code mx.example.com}. */
    static String untyped(String value) {
        int semicolon = value.indexOf(';');
        return semicolon >= 0 && semicolon < 20 && !value.substring(0, semicolon).contains(" ")
                ? value.substring(semicolon + 1).strip() : value.strip();
    }

    /** The type before the semicolon, lower case ({@code smtp}, {@code x-postfix}), or empty. */
    static String type(String value) {
        int semicolon = value.indexOf(';');
        return semicolon >= 0 && semicolon < 20 && !value.substring(0, semicolon).contains(" ")
                ? value.substring(0, semicolon).strip().toLowerCase(Locale.ROOT) : "";
    }

    /** An RFC 5322 date, comments and a missing day name tolerated. */
    static Optional<Instant> date(String value) {
        String clean = value.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").strip();
        try {
            return Optional.of(ZonedDateTime.parse(clean, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The first {@code <id>} of a Message-ID field, with its angle brackets. */
    static Optional<String> messageId(String value) {
        Matcher m = MESSAGE_ID.matcher(value);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static String decodeXtext(String value) {
        if (!value.contains("\\x{")) return value;
        Matcher m = XTEXT.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int codePoint = Integer.parseInt(m.group(1), 16);
            m.appendReplacement(out, Matcher.quoteReplacement(Character.isValidCodePoint(codePoint)
                    ? Character.toString(codePoint) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
