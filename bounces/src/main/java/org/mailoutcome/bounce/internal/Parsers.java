package org.mailoutcome.bounce.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mailoutcome.bounce.NotABounce;
import org.mailoutcome.bounce.ParsedMail;

/** Tries each format's parser in order on one mail. */
public final class Parsers {
    /**
     * The formats, most specific first: a standard report that names a recipient wins over everything; a challenge
     * (which may come as a report without a recipient) over a text bounce; a text bounce over an auto-reply marker
     * (Exim marks its bounces {@code Auto-Submitted: auto-replied}).
     */
    private static final List<Function<MailParts, Optional<? extends ParsedMail>>> FORMATS = List.of(
            DeliveryStatusFormat::parse,
            FeedbackReportFormat::parse,
            ChallengeFormat::parse,
            TextBounceFormat::parse,
            AutoReplyFormat::parse);

    private Parsers() {
    }

    /** What the mail is; never throws. */
    public static ParsedMail parse(byte[] mail) {
        MailParts parts = MimeWalk.walk(Text.toLf(mail));
        for (Function<MailParts, Optional<? extends ParsedMail>> format : FORMATS) {
            Optional<? extends ParsedMail> parsed = format.apply(parts);
            if (parsed.isPresent()) return parsed.get();
        }
        return new NotABounce(parts.headers, parts.deliveryStatus.isEmpty()
                ? "no delivery-status part, feedback report, auto-reply header or known bounce text"
                : "a delivery-status part that names no recipient");
    }
}
