package org.mailoutcome.spring;

import java.util.Objects;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * Published by the auto-configured {@code DeliveryTracker} when a bounce says the message will not reach a recipient, on the thread that ingests the notice, once
 * per recipient whose fate the notice moved. Listen with {@code @EventListener}.
 *
 * <pre>{@code
 * @EventListener
 * void onBounced(RecipientBouncedEvent event) {
 *     if (event.fate().reason() == Reason.USER_UNKNOWN) suppressions.add(event.recipient().address());
 * }
 * }</pre>
 *
 * @param send the tracked send, after the change
 * @param recipient the recipient, with its new fate
 * @param fate the bounce: the remote server's reply classified, and the reason the notice gives
 *     ({@code fate.reason()})
 */
public record RecipientBouncedEvent(SentMessage send, TrackedRecipient recipient, Fate.Bounced fate) {

    /**
     * Checks the components.
     *
     * @param send the send
     * @param recipient the recipient
     * @param fate the new fate
     */
    public RecipientBouncedEvent {
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(fate, "fate");
    }
}
