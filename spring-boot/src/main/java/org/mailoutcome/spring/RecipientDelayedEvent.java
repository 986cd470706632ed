package org.mailoutcome.spring;

import java.util.Objects;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * Published by the auto-configured {@code DeliveryTracker} when a delay notice says a recipient's message is still queued, on the thread that ingests the notice, once
 * per recipient whose fate the notice moved. Listen with {@code @EventListener}.
 *
 * @param send the tracked send, after the change
 * @param recipient the recipient, with its new fate
 * @param fate the delay, with its enhanced status if the notice gave one
 */
public record RecipientDelayedEvent(SentMessage send, TrackedRecipient recipient, Fate.Delayed fate) {

    /**
     * Checks the components.
     *
     * @param send the send
     * @param recipient the recipient
     * @param fate the new fate
     */
    public RecipientDelayedEvent {
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(fate, "fate");
    }
}
