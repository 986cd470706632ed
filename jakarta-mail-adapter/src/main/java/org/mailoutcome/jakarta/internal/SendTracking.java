package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.tracking.Tracking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The mailer's side of tracking: the keys of a send before it starts, its record in the store when it ends. */
public final class SendTracking {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.OutcomeMailer");

    private final Tracking tracking;
    private final String server;
    private final SendIds ids = new SendIds();

    /** A send's tracking state, from its start to its record. */
    public record Send(String id, Instant sentAt, Optional<String> verpSender, MailParameters parameters) {
    }

    /** Tracking to the given server ({@code host:port}). */
    public SendTracking(Tracking tracking, String server) {
        this.tracking = tracking;
        this.server = server;
    }

    /** The keys of a new send. */
    public Send begin() {
        String id = ids.next();
        Optional<String> verp = tracking.verp().map(v -> v.sender(id));
        MailParameters parameters = new MailParameters(tracking.envelopeId() ? Optional.of(id) : Optional.empty(),
                verp);
        return new Send(id, tracking.clock().instant(), verp, parameters);
    }

    /** Records the finished send; a store failure is logged, never thrown: the report is the caller's. */
    public void record(Send send, MimeMessage message, DeliveryReport report) {
        try {
            tracking.store().record(sentMessage(send, message, report));
        } catch (RuntimeException e) {
            LOG.warn("tracking: send {} ({}) not recorded, its notices will be unmatched: {}", send.id(),
                    report.messageId().orElse("no Message-ID"), e.toString(), e);
        }
    }

    private SentMessage sentMessage(Send send, MimeMessage message, DeliveryReport report) {
        List<TrackedRecipient> recipients = report.recipients().stream().map(SendTracking::recipient).toList();
        Optional<String> envelopeId = send.parameters().envelopeIdSent() ? send.parameters().envelopeId()
                : Optional.empty();
        Optional<String> token = send.verpSender().map(s -> send.id());
        return new SentMessage(send.id(), messageId(message, report), envelopeId, token, send.sentAt(), server,
                recipients);
    }

    private static TrackedRecipient recipient(RecipientOutcome r) {
        return TrackedRecipient.sent(r.address().getAddress(), r.finalAddress().getAddress(), r.outcome());
    }

    private static Optional<String> messageId(MimeMessage message, DeliveryReport report) {
        if (report.messageId().isPresent()) return report.messageId().map(String::trim);
        try {
            return Optional.ofNullable(message.getMessageID()).map(String::trim);
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }
}
