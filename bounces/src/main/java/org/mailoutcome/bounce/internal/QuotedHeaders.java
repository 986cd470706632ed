package org.mailoutcome.bounce.internal;

import java.util.regex.Pattern;

/**
 * Lines of a notice's text that quote a header field of the returned message ({@code To:}, {@code Subject:},
 * {@code Sent:}...), as Exchange, Notes and others write before the recipients. Their addresses are the message's,
 * not the failed recipients, and their dotted numbers are not statuses.
 */
final class QuotedHeaders {
    private static final Pattern LINE = Pattern.compile("(?i)^[ \\t>]*(?:from|to|cc|bcc|reply-to|sender|return-path|"
            + "errors-to|subject|date|sent|message-id|in-reply-to|references|received|mime-version|content-type|"
            + "content-transfer-encoding|x-mailer|user-agent|importance|organization|thread-topic|thread-index)"
            + "[ \\t]*:");

    private QuotedHeaders() {
    }

    /** Whether a line quotes a header field of the returned message. */
    static boolean is(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && colon < 40 && LINE.matcher(line).lookingAt();
    }

    /** The text without its quoted header lines. */
    static String removed(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (!is(line)) out.append(line).append('\n');
        }
        return out.length() == 0 ? "" : out.substring(0, out.length() - 1);
    }
}
