package org.mailoutcome.testkit.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** A case-insensitive glob over a whole string, where {@code *} matches any run of characters (also none). */
public final class Glob {

    private final String source;
    private final Pattern regex;

    private Glob(String source, Pattern regex) {
        this.source = source;
        this.regex = regex;
    }

    /**
     * Compiles a glob.
     *
     * @param glob the pattern; every character but {@code *} matches itself, ignoring case
     * @return the glob
     */
    public static Glob compile(String glob) {
        Objects.requireNonNull(glob, "glob");
        StringBuilder regex = new StringBuilder();
        int start = 0;
        for (int star = glob.indexOf('*'); star >= 0; star = glob.indexOf('*', start)) {
            appendLiteral(regex, glob.substring(start, star));
            regex.append(".*");
            start = star + 1;
        }
        appendLiteral(regex, glob.substring(start));
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL;
        return new Glob(glob, Pattern.compile(regex.toString(), flags));
    }

    private static void appendLiteral(StringBuilder regex, String literal) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal));
        }
    }

    /**
     * Tells whether the whole of {@code text} matches.
     *
     * @param text the text to test
     * @return {@code true} on a match
     */
    public boolean matches(String text) {
        return regex.matcher(text).matches();
    }

    @Override
    public String toString() {
        return source;
    }
}
