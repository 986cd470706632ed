package org.mailoutcome.testkit.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The argument of a {@code BDAT} command (RFC 3030): {@code chunk-size [SP "LAST"]}.
 *
 * @param size how many octets follow the command line
 * @param last whether this is the last chunk of the message
 */
public record ChunkHeader(long size, boolean last) {

    private static final Pattern BLANKS = Pattern.compile("[ \t]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /**
     * Checks the size.
     *
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public ChunkHeader {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0: " + size);
        }
    }

    /**
     * Parses the argument as Postfix does: one or more digits that fit a {@code long}, then optionally {@code LAST}
     * in any case, separated by blanks; nothing else.
     *
     * @param argument the argument, trimmed
     * @return the header; empty when the argument is malformed, and the server cannot know where the chunk ends
     */
    public static Optional<ChunkHeader> parse(String argument) {
        String[] words = BLANKS.split(argument, -1);
        if (words.length > 2 || !DIGITS.matcher(words[0]).matches()
                || words.length == 2 && !words[1].equalsIgnoreCase("LAST")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChunkHeader(Long.parseLong(words[0]), words.length == 2));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
