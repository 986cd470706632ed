package org.mailoutcome.jakarta.retry;

import jakarta.mail.internet.InternetAddress;
import java.util.Objects;
import org.mailoutcome.DeliveryOutcome;

/**
 * A recipient still to be tried.
 *
 * @param address the recipient as given in the envelope
 * @param target the address the next attempt goes to: the envelope address, or a forward path already followed
 * @param attempts how many attempts were made to {@code target} so far (at least 1)
 * @param latest the outcome of the latest attempt (transient)
 */
public record PendingRecipient(InternetAddress address, InternetAddress target, int attempts,
        DeliveryOutcome latest) {
    /**
     * Checks the components.
     *
     * @param address the envelope address
     * @param target the address of the next attempt
     * @param attempts attempts made so far, at least 1
     * @param latest the latest outcome
     */
    public PendingRecipient {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(latest, "latest");
        if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1: " + attempts);
    }
}
