package org.mailoutcome.bounce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.Format;
import org.mailoutcome.bounce.Headers;

/** RFC 5965 feedback reports (ARF): {@code message/feedback-report} fields and the reported message. */
final class FeedbackReportFormat {

    private FeedbackReportFormat() {
    }

    static Optional<Complaint> parse(MailParts mail) {
        if (mail.feedbackReport.isEmpty()) return Optional.empty();
        Headers report = HeaderBlock.first(mail.feedbackReport.get(0));
        Headers returned = mail.returned.orElse(Headers.empty());
        List<String> recipients = new ArrayList<>();
        report.all("Original-Rcpt-To").forEach(v -> Fields.address(v).ifPresent(recipients::add));
        if (recipients.isEmpty()) returned.first("To").flatMap(Fields::anyAddress).ifPresent(recipients::add);
        return Optional.of(new Complaint(Format.FEEDBACK_REPORT, mail.headers,
                report.first("Feedback-Type").map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("abuse"),
                recipients, report.first("Original-Mail-From").flatMap(Fields::address),
                Returned.messageId(mail), returned, report.first("User-Agent"), report.first("Source-IP"),
                report.first("Arrival-Date").or(() -> report.first("Received-Date")).flatMap(Fields::date)));
    }
}
