package org.mailoutcome.bounce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.bounce.Headers;

/** What the MIME walk found in one mail: the parts each format's parser looks at. */
public final class MailParts {
    /** The header of the mail. */
    final Headers headers;
    /** The {@code report-type} of a top-level {@code multipart/report}, lower case, if any. */
    Optional<String> reportType = Optional.empty();
    /** Texts of {@code message/delivery-status} parts. */
    final List<String> deliveryStatus = new ArrayList<>();
    /** Whether a delivery-status part was {@code message/global-delivery-status}. */
    boolean global;
    /** Texts of {@code message/feedback-report} parts. */
    final List<String> feedbackReport = new ArrayList<>();
    /** The header of the first returned message or returned header part, if any. */
    Optional<Headers> returned = Optional.empty();
    /** The text parts outside returned messages, in order, decoded. */
    final List<String> texts = new ArrayList<>();
    /** The notice's own text, once a format has read it ({@link TextBounceFormat#ownText}); null before. */
    String ownText;

    MailParts(Headers headers) {
        this.headers = headers;
    }

    /** The first text part, or empty text. */
    String firstText() {
        return texts.isEmpty() ? "" : texts.get(0);
    }
}
