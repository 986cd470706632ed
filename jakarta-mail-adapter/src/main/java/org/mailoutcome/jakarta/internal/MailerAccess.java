package org.mailoutcome.jakarta.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.mailoutcome.jakarta.OutcomeMailer;

/**
 * How the retry package reaches a mailer's connections without a public method on {@link OutcomeMailer} (the
 * JDK's "shared secrets" pattern): {@code OutcomeMailer} registers the accessor once, when its class is
 * initialised; this package is not exported, so nothing outside the adapter can call it. It holds no state of any
 * send.
 */
public final class MailerAccess {
    private static final AtomicReference<Function<OutcomeMailer, TransactionRouter>> ROUTER = new AtomicReference<>();

    private MailerAccess() {
    }

    /**
     * Registers the accessor; called once by {@link OutcomeMailer}'s class initialiser.
     *
     * @param router gives a mailer's router
     * @throws IllegalStateException when an accessor is registered already
     */
    public static void register(Function<OutcomeMailer, TransactionRouter> router) {
        if (!ROUTER.compareAndSet(null, Objects.requireNonNull(router, "router"))) {
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
        return ROUTER.get().apply(Objects.requireNonNull(mailer, "mailer"));
    }
}
