package org.mailoutcome;

import java.io.Serial;

/** Thrown by {@link EnhancedStatus#parse(CharSequence)} for text that is not an RFC 3463 enhanced status code. */
public final class MalformedEnhancedStatusException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 100;

    /** The offending input, truncated to a readable length. */
    private final String input;

    /**
     * Creates the exception.
     *
     * @param problem what is wrong, e.g. {@code "class must be 2, 4 or 5"}
     * @param input the offending input; only its first characters are kept
     */
    public MalformedEnhancedStatusException(String problem, CharSequence input) {
        this(problem, shown(input));
    }

    private MalformedEnhancedStatusException(String problem, String shown) {
        super("malformed enhanced status code (" + problem + "): " + shown);
        this.input = shown;
    }

    /**
     * The offending input in quotes, truncated to 100 characters (then followed by its length), with control
     * characters escaped.
     *
     * @return the input as shown in the message
     */
    public String input() {
        return input;
    }

    private static String shown(CharSequence input) {
        StringBuilder shown = new StringBuilder("\"");
        int end = Math.min(input.length(), SHOWN);
        for (int i = 0; i < end; i++) {
            char c = input.charAt(i);
            if (c == '\r') shown.append("\\r");
            else if (c == '\n') shown.append("\\n");
            else if (c == '\t') shown.append("\\t");
            else if (c < 0x20 || c == 0x7f) shown.append(String.format("\\u%04x", (int) c));
            else shown.append(c);
        }
        shown.append('"');
        if (input.length() > SHOWN) shown.append("... (").append(input.length()).append(" chars)");
        return shown.toString();
    }
}
