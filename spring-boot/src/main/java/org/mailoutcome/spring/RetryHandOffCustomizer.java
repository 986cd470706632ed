package org.mailoutcome.spring;

import org.mailoutcome.jakarta.OutcomeMailerBuilder;
import org.mailoutcome.jakarta.retry.RetryHandOff;
import org.springframework.core.Ordered;

/** Gives the mailer a retry hand-off; first of the customizers, so the application's can replace it. */
record RetryHandOffCustomizer(RetryHandOff handOff) implements OutcomeMailerBuilderCustomizer, Ordered {
    @Override
    public void customize(OutcomeMailerBuilder builder) {
        builder.retryHandOff(handOff);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
