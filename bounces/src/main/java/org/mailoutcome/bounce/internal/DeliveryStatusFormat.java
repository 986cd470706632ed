package org.mailoutcome.bounce.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.bounce.Action;
import org.mailoutcome.bounce.Bounce;
import org.mailoutcome.bounce.BouncedRecipient;
import org.mailoutcome.bounce.Format;
import org.mailoutcome.bounce.Headers;

/**
 * RFC 3464 and RFC 6533: the per-message and per-recipient field groups of a delivery-status part. Lenient where
 * real servers are sloppy: a missing blank line between groups, a missing {@code Action} (implied by the status)
 * or {@code Status} (implied by the action), a generic {@code X.0.0} status refined by the quoted reply.
 */
final class DeliveryStatusFormat {
    private static final int MAX_GROUPS = 1000;
    private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^Final-Recipient:[ \\t]*\\S+;");
    private static final Pattern REPORTING_MTA = Pattern.compile("(?im)^Reporting-MTA:[ \\t]*\\S+;");

    private DeliveryStatusFormat() {
    }

    /**
     * Delivery-status fields written into a text part: a report without MIME structure (old Sendmail), a broken
     * boundary, a bounce forwarded as text. They start at the {@code Reporting-MTA} before a {@code Final-Recipient}.
     */
    private static List<String> inText(List<String> texts) {
        for (String text : texts) {
            Matcher m = FINAL_RECIPIENT.matcher(text);
            if (!m.find()) continue;
            Matcher reporting = REPORTING_MTA.matcher(text);
            int start = reporting.find() && reporting.start() < m.start() ? reporting.start() : m.start();
            return List.of(text.substring(start));
        }
        return List.of();
    }

    static Optional<Bounce> parse(MailParts mail) {
        List<Headers.Field> perMessage = new ArrayList<>();
        List<BouncedRecipient> recipients = new ArrayList<>();
        String readable = QuotedHeaders.removed(TextBounceFormat.beforeOriginal(mail.firstText()));
        List<String> parts = mail.deliveryStatus.isEmpty() ? inText(mail.texts) : mail.deliveryStatus;
        for (String part : parts) {
            for (Headers group : HeaderBlock.groups(part, MAX_GROUPS)) {
                split(group, perMessage, recipients, readable, mail.firstText());
            }
        }
        if (recipients.isEmpty()) return Optional.empty();
        Headers message = new Headers(perMessage);
        Format format = mail.global ? Format.GLOBAL_DELIVERY_STATUS : Format.DELIVERY_STATUS;
        return Optional.of(new Bounce(format, mail.headers, message.first("Original-Envelope-Id").map(String::strip),
                Returned.messageId(mail), mail.returned.orElse(Headers.empty()),
                message.first("Reporting-MTA").map(Fields::untyped),
                message.first("Arrival-Date").flatMap(Fields::date), recipients));
    }

    /**
     * Fields before the first recipient field are per-message; a recipient field seen twice (two
     * {@code Final-Recipient}, two {@code Action}...) starts the next recipient of a group without a blank line.
     */
    private static void split(Headers group, List<Headers.Field> perMessage, List<BouncedRecipient> recipients,
            String readable, String text) {
        List<Headers.Field> current = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Headers.Field field : group.fields()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            boolean key = isRecipientField(name);
            if (key && !seen.add(name)) {
                recipient(new Headers(current), readable, text).ifPresent(recipients::add);
                current.clear();
                seen.clear();
                seen.add(name);
            }
            if (!key && seen.isEmpty()) perMessage.add(field);
            else current.add(field);
        }
        if (!current.isEmpty()) recipient(new Headers(current), readable, text).ifPresent(recipients::add);
    }

    private static boolean isRecipientField(String name) {
        return name.equals("final-recipient") || name.equals("original-recipient") || name.equals("action")
                || name.equals("status") || name.equals("diagnostic-code") || name.equals("remote-mta");
    }

    private static Optional<BouncedRecipient> recipient(Headers fields, String readable, String text) {
        Optional<String> original = fields.first("Original-Recipient").flatMap(Fields::address);
        Optional<String> finalRecipient = fields.first("Final-Recipient").flatMap(Fields::address).or(() -> original)
                .or(() -> fields.first("X-Actual-Recipient").flatMap(Fields::address));
        if (finalRecipient.isEmpty()) return Optional.empty();
        Optional<String> diagnostic = fields.first("Diagnostic-Code").map(Fields::untyped).filter(d -> !d.isEmpty())
                .or(() -> about(readable, finalRecipient.get()));
        Optional<EnhancedStatus> stated = fields.first("Status").flatMap(Fields::status);
        Optional<Action> statedAction = fields.first("Action").flatMap(Action::tryParse);
        Action action = statedAction.orElseGet(() -> stated.map(Outcomes::implied).orElse(Action.FAILED));
        int statusClass = stated.map(EnhancedStatus::statusClass).orElse(Outcomes.implied(action).statusClass());
        Optional<EnhancedStatus> refined = refined(stated, statusClass, diagnostic);
        EnhancedStatus status = refined.or(() -> stated).orElseGet(() -> Outcomes.implied(action));
        DeliveryOutcome outcome = Outcomes.classify(status, diagnostic, text, finalRecipient.get());
        return Optional.of(new BouncedRecipient(finalRecipient.get(), original, action, status,
                stated.isPresent() || refined.isPresent(), diagnostic, outcome,
                NoticeReason.of(action, stated, status, diagnostic, outcome),
                fields.first("Remote-MTA").map(Fields::untyped)));
    }

    /**
     * What the human-readable part (its quoted header lines removed) says about a recipient the fields give no
     * diagnostic for: the line that names it and the two after, where the line says more than the address.
     */
    private static Optional<String> about(String readable, String address) {
        int at = readable.toLowerCase(Locale.ROOT).indexOf(address.toLowerCase(Locale.ROOT));
        if (at < 0) return Optional.empty();
        int start = readable.lastIndexOf('\n', at) + 1;
        int end = readable.indexOf('\n', at);
        for (int lines = 1; lines < 3 && end >= 0; lines++) {
            int next = readable.indexOf('\n', end + 1);
            String line = readable.substring(end + 1, next < 0 ? readable.length() : next);
            if (line.isBlank() || line.contains("@")) break;
            end = next;
        }
        String about = readable.substring(start, end < 0 ? readable.length() : end).replaceAll("\\s+", " ").strip();
        return about.length() > address.length() + 4 ? Optional.of(about) : Optional.empty();
    }

    /**
     * The status to report: the enhanced code the remote reply attaches to its reply code (the reporting server's
     * own status is often generic or about the queue, e.g. 4.4.7); else the stated one; else, where that is absent or
     * generic (X.0.0), any code of the stated (or the action's) class the diagnostic names.
     */
    static Optional<EnhancedStatus> refined(Optional<EnhancedStatus> stated, int statusClass,
            Optional<String> diagnostic) {
        Optional<EnhancedStatus> attached = diagnostic.flatMap(Codes::lastAttached);
        if (attached.isPresent()) return attached;
        boolean generic = stated.map(s -> s.subject() == 0 && s.detail() == 0).orElse(true);
        if (!generic) return stated;
        return diagnostic.flatMap(Fields::status).filter(s -> s.subject() != 0 || s.detail() != 0)
                .filter(s -> s.statusClass() == statusClass).or(() -> stated);
    }
}
