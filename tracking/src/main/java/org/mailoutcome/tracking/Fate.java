package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Disposition;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;

/**
 * What became of one recipient after the send: the later truth that bounces, delay notices and success notices
 * tell, beyond the SMTP-time {@link DeliveryOutcome}.
 *
 * <p>A fate only moves forward ({@link #allows(Fate)}): {@link Pending} to {@link Delayed}, {@link Delivered} or
 * {@link Bounced}; {@link Delayed} to a later delay, delivered or bounced; {@link Delivered} to bounced only
 * (<b>delivered is never final</b>: a relay can report success and a later hop still bounce); {@link Bounced} and
 * {@link NotAccepted} are final.
 *
 * <p>Persisting a fate: store {@link #name()}, {@link #at()}, and for {@link Delayed} its status
 * ({@link EnhancedStatus#toString()}, read back with {@link EnhancedStatus#parse(CharSequence)}), for
 * {@link Bounced} its outcome as a {@link StoredOutcome} (stage and reply text).
 */
public sealed interface Fate {

    /**
     * When the fate was learnt or, for a notice, when the notice says it happened; empty for {@link Pending} and
     * {@link NotAccepted}.
     *
     * @return the time, or empty
     */
    Optional<Instant> at();

    /**
     * Whether nothing can change this fate any more: {@link Bounced} and {@link NotAccepted}.
     *
     * @return true for a final fate
     */
    boolean isFinal();

    /**
     * Whether a notice may move this fate to {@code next}: see the order in the type's description. A delay
     * replaces a delay only when it is later.
     *
     * @param next the fate a notice reports
     * @return true when the store should replace this fate by {@code next}
     */
    boolean allows(Fate next);

    /**
     * The name of this fate's record, e.g. {@code "Bounced"}.
     *
     * @return the simple name of the record class
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * The fate a recipient starts with: {@link Pending} when the server took the message for it (a success, or
     * a connection lost after the end of data, which may have delivered it), {@link NotAccepted} otherwise.
     *
     * @param smtpOutcome the recipient's final SMTP-time outcome
     * @return the initial fate
     */
    static Fate initial(DeliveryOutcome smtpOutcome) {
        Objects.requireNonNull(smtpOutcome, "smtpOutcome");
        boolean taken = smtpOutcome.disposition() == Disposition.SUCCESS
                || smtpOutcome instanceof DeliveryOutcome.ConnectionLost lost && lost.isMaybeDelivered();
        return taken ? new Pending() : new NotAccepted();
    }

    /** The server took the message for this recipient; no notice has told more yet. */
    record Pending() implements Fate {
        /** @return empty */
        @Override
        public Optional<Instant> at() {
            return Optional.empty();
        }

        /** @return false */
        @Override
        public boolean isFinal() {
            return false;
        }

        /** @return true for {@link Delayed}, {@link Delivered} and {@link Bounced} */
        @Override
        public boolean allows(Fate next) {
            return next instanceof Delayed || next instanceof Delivered || next instanceof Bounced;
        }
    }

    /** The server did not take the message for this recipient at SMTP time: its outcome is the final word. */
    record NotAccepted() implements Fate {
        /** @return empty */
        @Override
        public Optional<Instant> at() {
            return Optional.empty();
        }

        /** @return true */
        @Override
        public boolean isFinal() {
            return true;
        }

        /** @return false: a notice cannot be about a message the server never took for this recipient */
        @Override
        public boolean allows(Fate next) {
            return false;
        }
    }

    /**
     * A delay notice ({@code Action: delayed}): the message is still queued somewhere and will be tried again.
     *
     * @param when when the notice says the delay was reported
     * @param status the notice's enhanced status code (a 4.x.x), if it gave one
     */
    record Delayed(Instant when, Optional<EnhancedStatus> status) implements Fate {
        /**
         * Checks the components.
         *
         * @param when when the delay was reported
         * @param status the enhanced status code, if any
         */
        public Delayed {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(status, "status");
        }

        /** @return {@link #when()} */
        @Override
        public Optional<Instant> at() {
            return Optional.of(when);
        }

        /** @return false */
        @Override
        public boolean isFinal() {
            return false;
        }

        /** @return true for a later delay, {@link Delivered} and {@link Bounced} */
        @Override
        public boolean allows(Fate next) {
            return next instanceof Delayed later ? later.when.isAfter(when)
                    : next instanceof Delivered || next instanceof Bounced;
        }
    }

    /**
     * A success notice ({@code Action: delivered}, {@code relayed} or {@code expanded}). Never final: a later hop
     * can still bounce.
     *
     * @param when when the notice says the message was delivered or relayed
     */
    record Delivered(Instant when) implements Fate {
        /**
         * Checks the component.
         *
         * @param when when the message was delivered or relayed
         */
        public Delivered {
            Objects.requireNonNull(when, "when");
        }

        /** @return {@link #when()} */
        @Override
        public Optional<Instant> at() {
            return Optional.of(when);
        }

        /** @return false: a later bounce can still come */
        @Override
        public boolean isFinal() {
            return false;
        }

        /** @return true for {@link Bounced} only */
        @Override
        public boolean allows(Fate next) {
            return next instanceof Bounced;
        }
    }

    /**
     * A bounce ({@code Action: failed}, or a non-standard bounce): the message will not be delivered.
     *
     * @param outcome the remote server's reply as the bounce gives it, classified by core; its
     *     {@link DeliveryOutcome#forwardPath()} says where the recipient moved
     * @param reason why, as the notice says it: usually the reply's own {@link DeliveryOutcome#reason()}, but a
     *     notice can say more than the reply it quotes (a failed {@code Status: 4.4.7} is {@link Reason#EXPIRED}
     *     whatever the last remote reply was)
     * @param when when the bounce says delivery failed
     */
    record Bounced(DeliveryOutcome outcome, Reason reason, Instant when) implements Fate {
        /**
         * Checks the components.
         *
         * @param outcome the classified reply of the bounce
         * @param reason why, as the notice says it
         * @param when when delivery failed
         */
        public Bounced {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(when, "when");
        }

        /**
         * A bounce whose reason is its reply's own.
         *
         * @param outcome the classified reply of the bounce
         * @param when when delivery failed
         */
        public Bounced(DeliveryOutcome outcome, Instant when) {
            this(outcome, outcome.reason(), when);
        }

        /** @return {@link #when()} */
        @Override
        public Optional<Instant> at() {
            return Optional.of(when);
        }

        /** @return true */
        @Override
        public boolean isFinal() {
            return true;
        }

        /** @return false */
        @Override
        public boolean allows(Fate next) {
            return false;
        }
    }
}
