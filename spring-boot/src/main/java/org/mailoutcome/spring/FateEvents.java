package org.mailoutcome.spring;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.bounce.ParsedMail;
import org.mailoutcome.bounce.tracking.FateListener;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.Suppression;
import org.mailoutcome.tracking.TrackedRecipient;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The tracker's callbacks as application events. A listener that throws is logged by the tracker, which still
 * calls the other callbacks of the notice.
 */
final class FateEvents implements FateListener {
    private final ApplicationEventPublisher events;

    FateEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void onBounced(SentMessage send, TrackedRecipient recipient, Fate.Bounced fate) {
        events.publishEvent(new RecipientBouncedEvent(send, recipient, fate));
    }

    @Override
    public void onDelayed(SentMessage send, TrackedRecipient recipient, Fate.Delayed fate) {
        events.publishEvent(new RecipientDelayedEvent(send, recipient, fate));
    }

    @Override
    public void onDelivered(SentMessage send, TrackedRecipient recipient, Fate.Delivered fate) {
        events.publishEvent(new RecipientDeliveredEvent(send, recipient, fate));
    }

    @Override
    public void onAddressMoved(SentMessage send, TrackedRecipient recipient, String forwardPath) {
        if (!(recipient.fate() instanceof Fate.Bounced bounced)) return;
        try {
            events.publishEvent(new AddressMovedEvent(new InternetAddress(recipient.address(), false),
                    new InternetAddress(forwardPath, false), bounced.outcome()));
        } catch (AddressException unusable) {
            // the bounce parser checked the forward path; an address Jakarta Mail refuses names no new mailbox
        }
    }

    @Override
    public void onSuppressed(Suppression entry) {
        events.publishEvent(new AddressSuppressedEvent(entry));
    }

    @Override
    public void onComplaint(Complaint complaint, Optional<SentMessage> send) {
        events.publishEvent(new ComplaintEvent(complaint, send));
    }

    @Override
    public void onUnmatched(ParsedMail notice, String why) {
        events.publishEvent(new UnmatchedNoticeEvent(notice, why));
    }

    @Override
    public void onProviderEvent(ProviderReport report, SentMessage send, TrackedRecipient recipient) {
        events.publishEvent(new ProviderEventReceived(report, send, recipient));
    }

    @Override
    public void onUnmatched(ProviderReport report, String why) {
        events.publishEvent(new UnmatchedProviderEvent(report, why));
    }
}
