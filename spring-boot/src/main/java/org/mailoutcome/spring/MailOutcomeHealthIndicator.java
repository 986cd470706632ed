package org.mailoutcome.spring;

import java.time.Duration;
import java.util.Objects;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.jakarta.OutcomeMailer;
import org.mailoutcome.jakarta.ServerCheck;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The mail server's health, checked through the mailer's pool ({@link org.mailoutcome.jakarta.MailerPool#check(Duration)}): a
 * {@code NOOP} on a pooled connection, not a new connection and AUTH per check as Boot's {@code MailHealthIndicator}
 * makes, and never longer than the timeout (Boot's check waits as long as the socket does, spring-boot#42152).
 * {@code DOWN} carries the server's reply ({@code 421 4.3.2 ...}), the outcome record and the stage.
 */
public class MailOutcomeHealthIndicator implements HealthIndicator {
    private final OutcomeMailer mailer;
    private final Duration timeout;
    private final String location;

    /**
     * An indicator over the mailer.
     *
     * @param mailer the mailer
     * @param timeout the longest a check waits
     * @param location {@code host:port}, shown as the {@code location} detail
     */
    public MailOutcomeHealthIndicator(OutcomeMailer mailer, Duration timeout, String location) {
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.location = Objects.requireNonNull(location, "location");
    }

    /**
     * Checks the server.
     *
     * @return {@code UP} with the reply to {@code NOOP}, or {@code DOWN} with what stopped the check
     */
    @Override
    public Health health() {
        ServerCheck check = mailer.pool().check(timeout);
        DeliveryOutcome outcome = check.outcome();
        Health.Builder health = check.isUp() ? Health.up() : Health.down();
        health.withDetail("location", location).withDetail("outcome", outcome.name())
                .withDetail("stage", outcome.stage().name()).withDetail("elapsedMillis", check.elapsed().toMillis())
                .withDetail("reusedConnection", check.reusedConnection());
        outcome.reply().ifPresent(reply -> health.withDetail("reply", reply.code() + " " + reply.lines().get(0)));
        if (outcome instanceof DeliveryOutcome.ConnectionLost lost) health.withDetail("error", lost.detail());
        return health.build();
    }
}
