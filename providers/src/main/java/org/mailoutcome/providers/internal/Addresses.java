package org.mailoutcome.providers.internal;

import java.util.Optional;

/** Small readings of address fields. */
final class Addresses {

    private Addresses() {
    }

    /** The one address of a header value such as {@code "Name <a@b>"} or {@code "a@b"}; empty for several. */
    static Optional<String> single(String value) {
        String v = value.strip();
        if (v.indexOf(',') >= 0) return Optional.empty();
        int open = v.lastIndexOf('<');
        int close = v.lastIndexOf('>');
        if (open >= 0 && close > open) v = v.substring(open + 1, close).strip();
        return v.indexOf('@') > 0 && v.indexOf(' ') < 0 ? Optional.of(v) : Optional.empty();
    }

    /** One to four ASCII digits (an SMTP code, a SparkPost bounce class). */
    static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 4) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }
}
