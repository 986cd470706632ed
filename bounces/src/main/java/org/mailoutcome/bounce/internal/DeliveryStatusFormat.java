package org.mailoutcome.bounce.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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

    private DeliveryStatusFormat() {
    }

    static Optional<Bounce> parse(MailParts mail) {
        List<Headers.Field> perMessage = new ArrayList<>();
        List<BouncedRecipient> recipients = new ArrayList<>();
        for (String part : mail.deliveryStatus) {
            for (Headers group : HeaderBlock.groups(part, MAX_GROUPS)) {
                split(group, perMessage, recipients);
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
    private static void split(Headers group, List<Headers.Field> perMessage, List<BouncedRecipient> recipients) {
        List<Headers.Field> current = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Headers.Field field : group.fields()) {
            String name = field.name().toLowerCase(Locale.ROOT);
            boolean key = isRecipientField(name);
            if (key && !seen.add(name)) {
                recipient(new Headers(current)).ifPresent(recipients::add);
                current.clear();
                seen.clear();
                seen.add(name);
            }
            if (!key && seen.isEmpty()) perMessage.add(field);
            else current.add(field);
        }
        if (!current.isEmpty()) recipient(new Headers(current)).ifPresent(recipients::add);
    }

    private static boolean isRecipientField(String name) {
        return name.equals("final-recipient") || name.equals("original-recipient") || name.equals("action")
                || name.equals("status") || name.equals("diagnostic-code") || name.equals("remote-mta");
    }

    private static Optional<BouncedRecipient> recipient(Headers fields) {
        Optional<String> original = fields.first("Original-Recipient").flatMap(Fields::address);
        Optional<String> finalRecipient = fields.first("Final-Recipient").flatMap(Fields::address).or(() -> original)
                .or(() -> fields.first("X-Actual-Recipient").flatMap(Fields::address));
        if (finalRecipient.isEmpty()) return Optional.empty();
        Optional<String> diagnostic = fields.first("Diagnostic-Code").map(Fields::untyped).filter(d -> !d.isEmpty());
        Optional<EnhancedStatus> stated = fields.first("Status").flatMap(Fields::status);
        Optional<Action> statedAction = fields.first("Action").flatMap(Action::tryParse);
        Action action = statedAction.orElseGet(() -> stated.map(Outcomes::implied).orElse(Action.FAILED));
        EnhancedStatus status = refined(stated, diagnostic).orElseGet(() -> Outcomes.implied(action));
        return Optional.of(new BouncedRecipient(finalRecipient.get(), original, action, status,
                stated.isPresent() || refined(stated, diagnostic).isPresent(), diagnostic,
                Outcomes.classify(status, diagnostic), fields.first("Remote-MTA").map(Fields::untyped)));
    }

    /** The stated status, or the quoted reply's where the stated one is absent or generic (X.0.0) of its class. */
    private static Optional<EnhancedStatus> refined(Optional<EnhancedStatus> stated, Optional<String> diagnostic) {
        boolean generic = stated.map(s -> s.subject() == 0 && s.detail() == 0).orElse(true);
        if (!generic) return stated;
        Optional<EnhancedStatus> quoted = diagnostic.flatMap(Outcomes::quotedReply)
                .flatMap(r -> r.enhancedStatus())
                .filter(s -> stated.map(t -> t.statusClass() == s.statusClass()).orElse(true));
        return quoted.or(() -> stated);
    }
}
