package org.mailoutcome.spring;

import java.util.Optional;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.OutcomeMailerBuilder;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.tracking.Verp;
import org.springframework.boot.ssl.SslBundles;

/** Builds the {@link OutcomeMailer} that {@code spring.mail.*} and {@code mail.outcome.*} describe. */
final class MailerFactory {
    private MailerFactory() {
    }

    /** A builder with {@code spring.mail.*} (its SSL bundle taken from Boot's bundles) and {@code mail.outcome.*}. */
    static OutcomeMailerBuilder builder(SpringMailSettings mail, Optional<SslBundles> bundles,
            MailOutcomeProperties outcome) {
        OutcomeMailerBuilder builder = OutcomeMailer.builder(mail.session(bundles))
                .forwardPolicy(outcome.forward().policy())
                .forwardHeaders(outcome.forward().headers())
                .retryPolicy(outcome.retry().policy())
                .maxConnections(outcome.pool().maxConnections())
                .maxIdle(outcome.pool().maxIdle())
                .maxMessagesPerConnection(outcome.pool().maxMessagesPerConnection())
                .pipelining(outcome.pipelining())
                .chunking(outcome.chunking());
        MailOutcomeProperties.Timeouts timeouts = outcome.timeouts();
        if (timeouts.connect() != null) builder.connectTimeout(timeouts.connect());
        if (timeouts.read() != null) builder.readTimeout(timeouts.read());
        if (timeouts.write() != null) builder.writeTimeout(timeouts.write());
        mail.user().ifPresent(user -> builder.credentials(user, mail.password() == null ? "" : mail.password()));
        return builder;
    }

    static Tracking tracking(MailOutcomeProperties.Tracking properties, DeliveryStore store) {
        Tracking.Builder tracking = Tracking.builder(store).envelopeId(properties.envelopeId());
        if (properties.verpDomain() != null) tracking.verp(new Verp(properties.verpDomain(), properties.verpLocalPart()));
        if (properties.provider() != null) tracking.provider(properties.provider());
        tracking.detectProvider(properties.detectProvider());
        return tracking.build();
    }
}
