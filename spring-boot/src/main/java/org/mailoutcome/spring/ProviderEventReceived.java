package org.mailoutcome.spring;

import java.util.Objects;
import org.mailoutcome.tracking.ProviderReport;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * Published by the auto-configured {@code DeliveryTracker} for an email service provider's event matched to a
 * recipient of a tracked send, once per event (after the fate's own event, e.g. {@link RecipientBouncedEvent}):
 * every kind, also those that move no fate (opened, clicked, a suppression by the provider).
 *
 * @param report what the provider reported
 * @param send the send, after the event
 * @param recipient the recipient, after the event
 */
public record ProviderEventReceived(ProviderReport report, SentMessage send, TrackedRecipient recipient) {

    /**
     * Checks the components.
     *
     * @param report the report
     * @param send the send
     * @param recipient the recipient
     */
    public ProviderEventReceived {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(recipient, "recipient");
    }
}
