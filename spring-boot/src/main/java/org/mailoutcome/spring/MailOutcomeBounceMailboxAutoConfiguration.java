package org.mailoutcome.spring;

import jakarta.mail.Session;
import java.util.Locale;
import java.util.Properties;
import org.mailoutcome.bounce.tracking.BounceMailbox;
import org.mailoutcome.bounce.tracking.DeliveryTracker;
import org.mailoutcome.bounce.tracking.Marking;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link BounceMailbox} reading {@code mail.outcome.bounce-mailbox.*}'s IMAP folder into the
 * {@link DeliveryTracker} bean, when {@code mail.outcome.bounce-mailbox.enabled=true} and there is a tracker (so
 * {@code mail.outcome.tracking.enabled=true}). Started once the context has refreshed (a {@link SmartLifecycle}) and closed with it; what it ingests
 * becomes the tracker's application events. Backs off when the application defines its own mailbox.
 */
@AutoConfiguration(after = MailOutcomeTrackingAutoConfiguration.class)
@ConditionalOnClass(BounceMailbox.class)
@ConditionalOnProperty(prefix = "mail.outcome.bounce-mailbox", name = "enabled", havingValue = "true")
@ConditionalOnBean(DeliveryTracker.class)
public class MailOutcomeBounceMailboxAutoConfiguration {

    /** Created by Spring. */
    public MailOutcomeBounceMailboxAutoConfiguration() {
    }

    /** The mailbox and its lifecycle, unless the application defines its own mailbox (which it starts itself). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(BounceMailbox.class)
    static class OwnMailbox {

        /** The mailbox, not yet started; closed with the context. */
        @Bean(destroyMethod = "close")
        BounceMailbox bounceMailbox(MailOutcomeProperties properties, DeliveryTracker tracker) {
            return mailbox(properties.bounceMailbox(), tracker);
        }

        /** Starts the mailbox when the context has refreshed, closes it when the context stops. */
        @Bean
        SmartLifecycle bounceMailboxLifecycle(BounceMailbox bounceMailbox) {
            return new BounceMailboxLifecycle(bounceMailbox);
        }
    }

    static BounceMailbox mailbox(MailOutcomeProperties.BounceMailbox p, DeliveryTracker tracker) {
        BounceMailbox.Builder b = BounceMailbox.builder(session(p), tracker).folder(p.folder())
                .pollInterval(p.pollInterval()).idle(p.idle())
                .marking(p.moveTo() == null ? Marking.keyword(p.processedKeyword()) : Marking.moveTo(p.moveTo()));
        if (p.username() != null) {
            if (p.password() == null) {
                throw new IllegalStateException("mail.outcome.bounce-mailbox.username is set but not .password");
            }
            b.credentials(p.username(), p.password());
        }
        return b.build();
    }

    static Session session(MailOutcomeProperties.BounceMailbox p) {
        if (p.host() == null || p.host().isBlank()) {
            throw new IllegalStateException("mail.outcome.bounce-mailbox.enabled=true needs "
                    + "mail.outcome.bounce-mailbox.host");
        }
        String protocol = p.protocol().name().toLowerCase(Locale.ROOT);
        Properties props = new Properties();
        props.setProperty("mail.store.protocol", protocol);
        props.setProperty("mail." + protocol + ".host", p.host());
        if (p.port() != null) props.setProperty("mail." + protocol + ".port", Integer.toString(p.port()));
        props.putAll(p.properties());
        return Session.getInstance(props);
    }
}
