package org.mailoutcome.spring;

import java.util.HashSet;
import java.util.Optional;
import org.mailoutcome.Backoff;
import org.mailoutcome.DomainRule;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.RetryPolicy;
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

    static OutcomeMailer create(SpringMailSettings mail, MailOutcomeProperties outcome, Optional<OutcomeHandler> handler,
            Optional<Tracking> tracking) {
        OutcomeMailerBuilder builder = OutcomeMailer.builder(mail.session())
                .forwardPolicy(forwardPolicy(outcome.forward()))
                .forwardHeaders(outcome.forward().headers())
                .retryPolicy(retryPolicy(outcome.retry()))
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
        return builder.build();
    }

    static Tracking tracking(MailOutcomeProperties.Tracking properties, DeliveryStore store) {
        Tracking.Builder tracking = Tracking.builder(store).envelopeId(properties.envelopeId());
        if (properties.verpDomain() != null) tracking.verp(new Verp(properties.verpDomain(), properties.verpLocalPart()));
        return tracking.build();
    }

    static ForwardPolicy forwardPolicy(MailOutcomeProperties.Forward forward) {
        if (!forward.enabled()) return ForwardPolicy.disabled();
        DomainRule rule = switch (forward.domains()) {
            case SAME_DOMAIN -> DomainRule.sameDomain();
            case SAME_REGISTRABLE_DOMAIN -> DomainRule.sameRegistrableDomain();
            case ALLOW_LIST -> DomainRule.allowList(new HashSet<>(forward.allowedDomains()));
            case ANY -> DomainRule.anyDomain();
        };
        return ForwardPolicy.enabled().maxHops(forward.maxHops()).domainRule(rule).build();
    }

    static RetryPolicy retryPolicy(MailOutcomeProperties.Retry retry) {
        if (retry.maxAttempts() == 1) return RetryPolicy.none();
        return RetryPolicy.builder().maxAttempts(retry.maxAttempts())
                .backoff(Backoff.exponential(retry.initialDelay(), retry.multiplier(), retry.maxDelay()))
                .retryMaybeDelivered(retry.retryMaybeDelivered()).build();
    }
}
