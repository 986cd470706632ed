package org.mailoutcome.spring;

import jakarta.mail.internet.InternetAddress;
import java.util.Objects;
import org.mailoutcome.DeliveryOutcome;

/**
 * Published when a server said a recipient has moved and named the new address: a 251 (the server forwards) or
 * a 551 or other moved-recipient rejection with a forward path ({@code 5.1.6}), whether or not the mailer followed
 * it; and, with {@code mail.outcome.tracking.enabled=true}, when a bounce the {@code DeliveryTracker} bean reads
 * says so ({@code 5.1.6} with a forward path). The place to update an address book.
 *
 * <pre>{@code
 * @EventListener
 * void onMoved(AddressMovedEvent event) {
 *     addressBook.replace(event.oldAddress().getAddress(), event.newAddress().getAddress());
 * }
 * }</pre>
 *
 * @param oldAddress the address the server said has moved
 * @param newAddress the address it named
 * @param outcome the outcome that named it: at send {@code WillForward} or {@code NotLocalNoRelay}; from a bounce,
 *     the bounce's classified outcome
 */
public record AddressMovedEvent(InternetAddress oldAddress, InternetAddress newAddress, DeliveryOutcome outcome) {

    /**
     * Checks the components.
     *
     * @param oldAddress the old address
     * @param newAddress the new address
     * @param outcome the outcome that named it
     */
    public AddressMovedEvent {
        Objects.requireNonNull(oldAddress, "oldAddress");
        Objects.requireNonNull(newAddress, "newAddress");
        Objects.requireNonNull(outcome, "outcome");
    }
}
