package org.mailoutcome.spring;

import java.util.Objects;
import org.mailoutcome.tracking.ProviderReport;

/**
 * Published by the auto-configured {@code DeliveryTracker} for an email service provider's event that matches no
 * tracked send, or no recipient of it, or names no recipient: reported, never dropped; nothing changed.
 *
 * @param report what the provider reported
 * @param why what did not match
 */
public record UnmatchedProviderEvent(ProviderReport report, String why) {

    /**
     * Checks the components.
     *
     * @param report the report
     * @param why what did not match
     */
    public UnmatchedProviderEvent {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(why, "why");
    }
}
