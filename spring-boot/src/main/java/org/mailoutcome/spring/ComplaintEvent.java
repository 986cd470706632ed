package org.mailoutcome.spring;

import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.bounce.Complaint;
import org.mailoutcome.tracking.SentMessage;

/**
 * Published by the auto-configured {@code DeliveryTracker} for a complaint (an RFC 5965 feedback report): someone
 * reported the message as abuse. Fates do not change.
 *
 * @param complaint the report
 * @param send the tracked send it is about, if it was matched
 */
public record ComplaintEvent(Complaint complaint, Optional<SentMessage> send) {

    /**
     * Checks the components.
     *
     * @param complaint the report
     * @param send the send, if matched
     */
    public ComplaintEvent {
        Objects.requireNonNull(complaint, "complaint");
        Objects.requireNonNull(send, "send");
    }
}
