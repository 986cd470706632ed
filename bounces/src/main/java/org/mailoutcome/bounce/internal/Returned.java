package org.mailoutcome.bounce.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The returned message: its Message-ID from the returned header, else from a copy quoted in the text. */
final class Returned {
    private static final Pattern QUOTED_ID = Pattern.compile("(?im)^[ \\t>]*Message-ID:[ \\t]*(<[^<>\\s]+>)");

    private Returned() {
    }

    static Optional<String> messageId(MailParts mail) {
        Optional<String> fromHeader = mail.returned.flatMap(h -> h.first("Message-ID")).flatMap(Fields::messageId);
        if (fromHeader.isPresent()) return fromHeader;
        for (String text : mail.texts) {
            Matcher m = QUOTED_ID.matcher(text);
            if (m.find()) return Optional.of(m.group(1));
        }
        return Optional.empty();
    }
}
