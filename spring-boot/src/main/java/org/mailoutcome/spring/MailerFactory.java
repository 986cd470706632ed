package org.mailoutcome.spring;

import java.util.List;
import java.util.Optional;
import org.mailoutcome.jakarta.OutcomeHandler;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.OutcomeMailerBuilder;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.Tracking;
import org.mailoutcome.tracking.Verp;

/** Builds the {@link OutcomeMailer} that {@code spring.mail.*} and {@code mail.outcome.*} describe. */
final class MailerFactory {
    private MailerFactory() {
    }

    /** The mailer of the properties, with the handler and tracking beans, then each customizer in order. */
    static OutcomeMailer create(SpringMailSettings mail, MailOutcomeProperties outcome, Optional<OutcomeHandler> handler,
            Optional<Tracking> tracking, List<OutcomeMailerBuilderCustomizer> customizers) {
        OutcomeMailerBuilder builder = OutcomeMailer.builder(mail.session())
                .forwardPolicy(outcome.forward().policy())
                .forwardHeaders(outcome.forward().headers())
                .retryPolicy(outcome.retry().policy())
                .maxConnections(outcome.pool().maxConnections())
                .maxIdle(outcome.pool().maxIdle())
                .maxMessagesPerConnection(outcome.pool().maxMessagesPerConnection())
                .pipelining(outcome.pipelining());
        MailOutcomeProperties.Timeouts timeouts = outcome.timeouts();
        if (timeouts.connect() != null) builder.connectTimeout(timeouts.connect());
        if (timeouts.read() != null) builder.readTimeout(timeouts.read());
        if (timeouts.write() != null) builder.writeTimeout(timeouts.write());
        mail.user().ifPresent(user -> builder.credentials(user, mail.password() == null ? "" : mail.password()));
        handler.ifPresent(builder::handler);
        tracking.ifPresent(builder::tracking);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    static Tracking tracking(MailOutcomeProperties.Tracking properties, DeliveryStore store) {
        Tracking.Builder tracking = Tracking.builder(store).envelopeId(properties.envelopeId());
        if (properties.verpDomain() != null) tracking.verp(new Verp(properties.verpDomain(), properties.verpLocalPart()));
        return tracking.build();
    }
}
