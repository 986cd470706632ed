package org.mailoutcome;

import java.io.Serial;

/** Thrown by {@link SmtpReply#parse(CharSequence)} for input that is not an SMTP reply. */
public final class MalformedReplyException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 120;

    /** The offending input, truncated to a readable length. */
    private final String input;

    /**
     * Creates the exception.
     *
     * @param problem what is wrong, e.g. {@code "no 3-digit reply code"}
     * @param input the offending input; only its first characters are kept
     */
    public MalformedReplyException(String problem, CharSequence input) {
        this(problem, truncate(input));
    }

    private MalformedReplyException(String problem, String shown) {
        super("malformed SMTP reply (" + problem + "): " + shown);
        this.input = shown;
    }

    /**
     * The offending input, truncated to 120 characters, with control characters escaped.
     *
     * @return the input as shown in the message
     */
    public String input() {
        return input;
    }

    private static String truncate(CharSequence input) {
        StringBuilder shown = new StringBuilder("\"");
        int end = Math.min(input.length(), SHOWN);
        for (int i = 0; i < end; i++) {
            char c = input.charAt(i);
            if (c == '\r') shown.append("\\r");
            else if (c == '\n') shown.append("\\n");
            else if (c < 0x20 || c == 0x7f) shown.append(String.format("\\u%04x", (int) c));
            else shown.append(c);
        }
        shown.append('"');
        if (input.length() > SHOWN) shown.append("... (").append(input.length()).append(" chars)");
        return shown.toString();
    }
}
