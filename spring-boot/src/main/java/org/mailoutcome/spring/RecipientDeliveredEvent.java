package org.mailoutcome.spring;

import java.util.Objects;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * Published by the auto-configured {@code DeliveryTracker} when a success notice (delivered, relayed, expanded) arrives for a recipient; not final, a bounce may follow, on the thread that ingests the notice, once
 * per recipient whose fate the notice moved. Listen with {@code @EventListener}.
 *
 * @param send the tracked send, after the change
 * @param recipient the recipient, with its new fate
 * @param fate the delivery
 */
public record RecipientDeliveredEvent(SentMessage send, TrackedRecipient recipient, Fate.Delivered fate) {

    /**
     * Checks the components.
     *
     * @param send the send
     * @param recipient the recipient
     * @param fate the new fate
     */
    public RecipientDeliveredEvent {
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(fate, "fate");
    }
}
