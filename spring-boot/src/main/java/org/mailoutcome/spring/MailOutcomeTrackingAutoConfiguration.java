package org.mailoutcome.spring;

import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.tracking.Tracking;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * A {@link DeliveryTracker} on the {@link Tracking} the mailer records with, when
 * {@code mail.outcome.tracking.enabled=true} and {@code mail-outcome-bounces} is on the class path. What it reads
 * becomes application events: {@link RecipientBouncedEvent}, {@link RecipientDelayedEvent},
 * {@link RecipientDeliveredEvent}, {@link AddressMovedEvent} (a bounce naming a new address), {@link ComplaintEvent}
 * and {@link UnmatchedNoticeEvent}. Backs off when the application defines its own tracker. Feeding it is the
 * application's part: {@code tracker.ingest(mail)}, or the {@code BounceMailbox} of
 * {@code mail.outcome.bounce-mailbox.*} ({@link MailOutcomeBounceMailboxAutoConfiguration}).
 */
@AutoConfiguration(after = MailOutcomeAutoConfiguration.class)
@ConditionalOnClass(DeliveryTracker.class)
@ConditionalOnProperty(prefix = "mail.outcome.tracking", name = "enabled", havingValue = "true")
@ConditionalOnBean(Tracking.class)
public class MailOutcomeTrackingAutoConfiguration {

    /** Created by Spring. */
    public MailOutcomeTrackingAutoConfiguration() {
    }

    /**
     * The tracker, publishing every fate it moves as an application event.
     *
     * @param tracking the tracking the mailer records with
     * @param events where the events go
     * @return the tracker
     */
    @Bean
    @ConditionalOnMissingBean
    public DeliveryTracker deliveryTracker(Tracking tracking, ApplicationEventPublisher events) {
        return DeliveryTracker.builder(tracking).listener(new FateEvents(events)).build();
    }
}
