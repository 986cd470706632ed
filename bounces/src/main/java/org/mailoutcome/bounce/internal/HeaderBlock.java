package org.mailoutcome.bounce.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.bounce.Headers;

/**
 * Reads header fields from LF-separated text: RFC 5322 headers and the field groups of a delivery-status part.
 * Lenient: a line that is neither a field nor a continuation is skipped.
 */
public final class HeaderBlock {
    /** At most this many fields of one block are kept. */
    private static final int MAX_FIELDS = 500;
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]+)\\?([bBqQ])\\?([^?\\s]*)\\?=");

    private HeaderBlock() {
    }

    /** The fields up to the first blank line. */
    public static Headers first(String text) {
        List<Headers> groups = groups(text, 1);
        return groups.isEmpty() ? Headers.empty() : groups.get(0);
    }

    /** The groups of fields separated by blank lines (leading blank lines are skipped), at most {@code max}. */
    public static List<Headers> groups(String text, int max) {
        List<Headers> groups = new ArrayList<>();
        List<Headers.Field> fields = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        StringBuilder value = new StringBuilder();
        int at = 0;
        while (at <= text.length() && groups.size() < max) {
            int eol = text.indexOf('\n', at);
            int end = eol < 0 ? text.length() : eol;
            String line = text.substring(at, end);
            if (line.isBlank()) {
                flush(fields, name, value);
                if (!fields.isEmpty()) groups.add(new Headers(fields));
                fields.clear();
            } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name.length() > 0) {
                value.append(' ').append(line.strip());
            } else {
                flush(fields, name, value);
                int colon = line.indexOf(':');
                if (colon > 0 && isName(line, colon) && fields.size() < MAX_FIELDS) {
                    name.append(line, 0, colon);
                    value.append(line.substring(colon + 1).strip());
                }
            }
            if (eol < 0) break;
            at = eol + 1;
        }
        flush(fields, name, value);
        if (!fields.isEmpty() && groups.size() < max) groups.add(new Headers(fields));
        return groups;
    }

    private static boolean isName(String line, int colon) {
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c <= ' ' || c > '~') return false;
        }
        return true;
    }

    private static void flush(List<Headers.Field> fields, StringBuilder name, StringBuilder value) {
        if (name.length() > 0) fields.add(new Headers.Field(name.toString(), decodeWords(value.toString().strip())));
        name.setLength(0);
        value.setLength(0);
    }

    /**
     * RFC 2047 encoded words decoded where valid (blanks between two encoded words dropped); an invalid or unknown
     * one is kept as written. Not Angus's {@code MimeUtility.decodeText}: it asks {@code StreamProvider} for a
     * decoder per word, a {@code ServiceLoader} search.
     */
    static String decodeWords(String value) {
        if (!value.contains("=?")) return value;
        Matcher m = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean previousEncoded = false;
        while (m.find()) {
            Optional<String> word = word(m.group(1), m.group(2), m.group(3));
            String between = value.substring(last, m.start());
            if (!(previousEncoded && between.isBlank() && word.isPresent())) out.append(between);
            out.append(word.orElse(m.group()));
            previousEncoded = word.isPresent();
            last = m.end();
        }
        return out.append(value.substring(last)).toString();
    }

    private static Optional<String> word(String charsetName, String encoding, String text) {
        try {
            Charset charset = Charset.forName(charsetName.split("\\*", 2)[0]);
            byte[] bytes = encoding.equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(text)
                    : TransferEncoding.decode(text.replace('_', ' ').getBytes(StandardCharsets.ISO_8859_1),
                            Optional.of("quoted-printable"));
            return Optional.of(new String(bytes, charset));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
