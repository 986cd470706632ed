package org.mailoutcome.spring;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.DeliveryReport;
import org.mailoutcome.jakarta.RecipientOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Turns a report into its events: one per recipient, one per forward path named, then one for the message. A
 * listener that throws is logged at WARN with the event and the other events are still published.
 */
final class OutcomeEvents {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeEvents.class);

    private OutcomeEvents() {
    }

    static void publish(ApplicationEventPublisher events, DeliveryReport report, Duration elapsed, String host,
            int port) {
        for (RecipientOutcome recipient : report.recipients()) {
            publish(events, new RecipientOutcomeEvent(recipient, report));
            for (RecipientOutcome.Attempt attempt : recipient.attempts()) moved(events, attempt);
        }
        publish(events, new MailSentEvent(report, elapsed, host == null ? "localhost" : host, port));
    }

    private static void moved(ApplicationEventPublisher events, RecipientOutcome.Attempt attempt) {
        DeliveryOutcome outcome = attempt.outcome();
        if (!(outcome instanceof DeliveryOutcome.WillForward || outcome instanceof DeliveryOutcome.NotLocalNoRelay)) {
            return;
        }
        if (outcome.forwardPath().isEmpty()) return;
        try {
            InternetAddress newAddress = new InternetAddress(outcome.forwardPath().get(), false);
            publish(events, new AddressMovedEvent(attempt.address(), newAddress, outcome));
        } catch (AddressException unusable) {
            // the forward path passed core's mailbox checks; an address Jakarta Mail refuses names no new mailbox
        }
    }

    private static void publish(ApplicationEventPublisher events, Object event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("a listener of {} threw", event.getClass().getSimpleName(), e);
            LOG.debug("the event the listener threw on: {}", event);
        }
    }
}
