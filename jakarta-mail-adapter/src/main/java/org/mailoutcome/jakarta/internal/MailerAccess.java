package org.mailoutcome.jakarta.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.mailoutcome.ForwardPolicy;
import org.mailoutcome.jakarta.OutcomeMailer;

/**
 * How the retry package reaches a mailer's connections without a public method on {@link OutcomeMailer} (the
 * JDK's "shared secrets" pattern): {@code OutcomeMailer} registers the accessor once, when its class is
 * initialised; this package is not exported, so nothing outside the adapter can call it. It holds no state of any
 * send.
 */
public final class MailerAccess {
    private static final AtomicReference<Function<OutcomeMailer, Internals>> INTERNALS = new AtomicReference<>();

    /** What the retry package needs of a mailer: its connections and its forward policy. */
    public record Internals(TransactionRouter router, ForwardPolicy forwardPolicy) {
    }

    private MailerAccess() {
    }

    /**
     * Registers the accessor; called once by {@link OutcomeMailer}'s class initialiser.
     *
     * @param internals gives a mailer's router and forward policy
     * @throws IllegalStateException when an accessor is registered already
     */
    public static void register(Function<OutcomeMailer, Internals> internals) {
        if (!INTERNALS.compareAndSet(null, Objects.requireNonNull(internals, "internals"))) {
            throw new IllegalStateException("the mailer accessor is registered already");
        }
    }

    /**
     * The connections of a mailer.
     *
     * @param mailer the mailer (its class is initialised, since it exists)
     * @return its router
     */
    public static TransactionRouter router(OutcomeMailer mailer) {
        return INTERNALS.get().apply(Objects.requireNonNull(mailer, "mailer")).router();
    }

    /**
     * The forward policy of a mailer.
     *
     * @param mailer the mailer
     * @return its policy
     */
    public static ForwardPolicy forwardPolicy(OutcomeMailer mailer) {
        return INTERNALS.get().apply(Objects.requireNonNull(mailer, "mailer")).forwardPolicy();
    }
}
