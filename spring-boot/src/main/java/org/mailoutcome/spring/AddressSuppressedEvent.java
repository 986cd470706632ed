package org.mailoutcome.spring;

import java.util.Objects;
import org.mailoutcome.tracking.Suppression;

/**
 * Published by the auto-configured {@code DeliveryTracker} when a notice puts an address on the suppression list
 * (a hard bounce, the soft bounce that reached the threshold, a complaint) or replaces its entry with one that
 * lasts longer: later sends leave the address out as {@code Suppressed}.
 *
 * @param entry the entry now in force: address, kind, reason, since, until, and the notice that caused it
 */
public record AddressSuppressedEvent(Suppression entry) {

    /**
     * Checks the component.
     *
     * @param entry the entry
     */
    public AddressSuppressedEvent {
        Objects.requireNonNull(entry, "entry");
    }
}
