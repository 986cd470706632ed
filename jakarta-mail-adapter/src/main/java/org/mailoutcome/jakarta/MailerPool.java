package org.mailoutcome.jakarta;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A read-only view of an {@link OutcomeMailer}'s pool of connections to its own server (not those a
 * {@link ForwardRouter} adds), for metrics and health endpoints: {@link OutcomeMailer#pool()}.
 */
public final class MailerPool {
    private final Supplier<PoolStats> stats;
    private final Function<Duration, ServerCheck> check;

    /**
     * A view over the pool's figures and check; made by the mailer.
     *
     * @param stats reads the figures
     * @param check runs a bounded check
     */
    public MailerPool(Supplier<PoolStats> stats, Function<Duration, ServerCheck> check) {
        this.stats = Objects.requireNonNull(stats, "stats");
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * The pool's figures now, e.g. for gauges.
     *
     * @return the snapshot
     */
    public PoolStats stats() {
        return stats.get();
    }

    /**
     * Checks the server through the pool, e.g. for a health endpoint: {@code NOOP} on an idle connection, else one
     * new connection (EHLO, STARTTLS, AUTH) that stays pooled for the next send or check. Waits at most
     * {@code timeout}; while an earlier check is still waiting for the server, this one waits for that one. Never
     * throws for what the server does.
     *
     * @param timeout the longest wait, positive
     * @return the server's answer, or what stopped the check
     */
    public ServerCheck check(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
        return check.apply(timeout);
    }
}
