package org.mailoutcome.testkit.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The argument of {@code MAIL FROM:<address> params} or {@code RCPT TO:<address> params}.
 *
 * @param address the address inside {@code <>} (or the bare address when sent without brackets), empty for the null
 *     reverse path {@code <>}
 * @param parameters the ESMTP parameters, keys upper-cased, a keyword without value mapped to {@code ""}
 */
public record PathArgument(String address, Map<String, String> parameters) {

    /** Copies the parameters. */
    public PathArgument {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Parses the argument of a {@code MAIL} or {@code RCPT} command.
     *
     * @param argument the text after the verb
     * @param prefix {@code "FROM:"} or {@code "TO:"}
     * @return the path, or empty when the syntax is wrong
     */
    public static Optional<PathArgument> parse(String argument, String prefix) {
        if (!argument.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String rest = argument.substring(prefix.length()).stripLeading();
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        if (!rest.startsWith("<")) {
            int end = rest.indexOf(' ');
            String address = end < 0 ? rest : rest.substring(0, end);
            return Optional.of(new PathArgument(address, parameters(end < 0 ? "" : rest.substring(end))));
        }
        int close = rest.indexOf('>');
        if (close < 0) {
            return Optional.empty();
        }
        return Optional.of(new PathArgument(rest.substring(1, close), parameters(rest.substring(close + 1))));
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new HashMap<>();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            int eq = word.indexOf('=');
            String key = (eq < 0 ? word : word.substring(0, eq)).toUpperCase(Locale.ROOT);
            parameters.put(key, eq < 0 ? "" : word.substring(eq + 1));
        }
        return parameters;
    }

    /**
     * The declared message size of a {@code SIZE=n} parameter.
     *
     * @return the size, or empty when absent or not a number
     */
    public OptionalLong size() {
        String size = parameters.get("SIZE");
        if (size == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(size));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
