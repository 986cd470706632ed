package org.mailoutcome.jakarta.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.tracking.Tracking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer's side of tracking: the keys of a send before it starts (and the provider's correlation header on a
 * copy of the message), its record in the store when it ends.
 */
public final class SendTracking {
    private static final Logger LOG = LoggerFactory.getLogger("org.mailoutcome.jakarta.OutcomeMailer");

    private final Tracking tracking;
    private final String server;
    private final Optional<Provider> provider;
    private final SendIds ids = new SendIds();

    /** A send's tracking state, from its start to its record. */
    public record Send(String id, Instant sentAt, Optional<String> verpSender, MailParameters parameters) {
    }

    /** Tracking of the sends through this session: its server, and the provider its host is the relay of. */
    public SendTracking(Tracking tracking, Session session) {
        this.tracking = tracking;
        this.server = MailerSessions.target(session);
        this.provider = tracking.providerFor(MailerSessions.host(session));
    }

    /** The keys of a new send. */
    public Send begin() {
        String id = ids.next();
        Optional<String> verp = tracking.verp().map(v -> v.sender(id));
        MailParameters parameters = new MailParameters(tracking.envelopeId() ? Optional.of(id) : Optional.empty(),
                verp);
        return new Send(id, tracking.clock().instant(), verp, parameters);
    }

    /**
     * The message to send for this send: with a provider named or recognised from the server's host name, a copy
     * carrying the provider's correlation header (the caller's message is left as it is); else the message itself.
     * The copy keeps the prepared message's Message-ID: it is not saved again. A message that has that header already
     * keeps its own (the send is then matched by queue id or Message-ID only).
     *
     * @throws IllegalArgumentException when the message cannot be copied
     */
    public MimeMessage mark(Send send, MimeMessage mime) {
        if (this.provider.isEmpty()) return mime;
        Provider provider = this.provider.get();
        Provider.Header header = provider.header(send.id());
        try {
            if (mime.getHeader(header.name()) != null) {
                LOG.warn("tracking: the message has its own {} header; send {} goes without {}'s correlation id, "
                        + "its events are matched by queue id or Message-ID", header.name(), send.id(), provider.id());
                return mime;
            }
            MimeMessage copy = new MimeMessage(mime);
            copy.setHeader(header.name(), header.value());
            return copy;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("message cannot be copied to add the " + header.name() + " header: "
                    + e.getMessage(), e);
        }
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
        List<TrackedRecipient> recipients = report.recipients().stream().map(r -> recipient(r, send.sentAt()))
                .toList();
        Optional<String> envelopeId = send.parameters().envelopeIdSent() ? send.parameters().envelopeId()
                : Optional.empty();
        Optional<String> token = send.verpSender().map(s -> send.id());
        return new SentMessage(send.id(), messageId(message, report), envelopeId, token, report.queueId(),
                send.sentAt(), server, recipients);
    }

    private static TrackedRecipient recipient(RecipientOutcome r, Instant sentAt) {
        return TrackedRecipient.sent(r.address().getAddress(), r.attempts().stream().map(a ->
                new TrackedRecipient.Attempt(a.address().getAddress(), a.outcome(), 0, sentAt)).toList());
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
