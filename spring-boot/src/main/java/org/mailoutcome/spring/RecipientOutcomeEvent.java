package org.mailoutcome.spring;

import java.util.Objects;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;

/**
 * Published once per recipient of every message sent through the {@link OutcomeJavaMailSender}, with its final
 * outcome, on the sending thread, in envelope order. Listen with {@code @EventListener}.
 *
 * <pre>{@code
 * @EventListener
 * void onOutcome(RecipientOutcomeEvent event) {
 *     if (event.recipient().disposition() == Disposition.PERMANENT) suppressions.add(event.recipient().address());
 * }
 * }</pre>
 *
 * @param recipient the recipient and every attempt that led to its final outcome
 * @param report the report of the whole message
 */
public record RecipientOutcomeEvent(RecipientOutcome recipient, DeliveryReport report) {

    /**
     * Checks the components.
     *
     * @param recipient the recipient
     * @param report the report of the message
     */
    public RecipientOutcomeEvent {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(report, "report");
    }
}
