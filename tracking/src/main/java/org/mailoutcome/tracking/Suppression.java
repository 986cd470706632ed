package org.mailoutcome.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Reason;
import org.mailoutcome.SuppressionKind;

/**
 * One entry of a {@link SuppressionList}: the mailer does not send to this address while it is in force.
 *
 * @param address the address, as {@link Addresses#key(String)} keeps it (lower case)
 * @param kind why: a hard bounce, soft bounces, a complaint, or by hand
 * @param reason the reason of the outcome or notice that made it ({@link Reason#UNKNOWN} for a complaint, or an
 *     entry added without one)
 * @param since when it was made (times are kept to the microsecond)
 * @param until when it expires; empty: until someone removes it
 * @param cause the evidence that made it: which reply or notice, when, which send
 */
public record Suppression(String address, SuppressionKind kind, Reason reason, Instant since,
        Optional<Instant> until, Evidence cause) {

    /**
     * Checks the components and keys the address.
     *
     * @param address the address
     * @param kind the kind
     * @param reason the reason
     * @param since when made
     * @param until when it expires
     * @param cause the evidence
     * @throws IllegalArgumentException for an address that is none, or an expiry not after {@code since}
     */
    public Suppression {
        address = Addresses.key(address);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        since = Objects.requireNonNull(since, "since").truncatedTo(ChronoUnit.MICROS);
        until = Objects.requireNonNull(until, "until").map(t -> t.truncatedTo(ChronoUnit.MICROS));
        Objects.requireNonNull(cause, "cause");
        if (until.isPresent() && !until.get().isAfter(since)) {
            throw new IllegalArgumentException("until must be after since: " + until.get() + " <= " + since);
        }
    }

    /**
     * An entry added by hand.
     *
     * @param address the address
     * @param note why, in the operator's words
     * @param at when
     * @param until when it expires; empty: until removed
     * @return the entry, of kind {@link SuppressionKind#MANUAL}
     */
    public static Suppression manual(String address, String note, Instant at, Optional<Instant> until) {
        return new Suppression(address, SuppressionKind.MANUAL, Reason.UNKNOWN, at, until, new Evidence.Manual(note, at));
    }

    /**
     * Whether the entry is in force at that time.
     *
     * @param now the time
     * @return true when it has not expired
     */
    public boolean isActiveAt(Instant now) {
        return until.isEmpty() || until.get().isAfter(now);
    }

    /**
     * Whether this entry ends no sooner than another.
     *
     * @param other an entry
     * @return true when this one has no expiry, or expires at or after the other
     */
    public boolean lastsAtLeastAsLongAs(Suppression other) {
        return until.isEmpty() || other.until.isPresent() && !until.get().isBefore(other.until.get());
    }

    /**
     * The outcome of a recipient this entry keeps from being sent.
     *
     * @return a {@link DeliveryOutcome.Suppressed} with the entry's kind, reason, times and cause
     */
    public DeliveryOutcome.Suppressed outcome() {
        return new DeliveryOutcome.Suppressed(kind, reason, since, until, cause.describe());
    }
}
