package org.mailoutcome.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.mailoutcome.Reason;

/**
 * One soft bounce a {@link SuppressionList} counts for an address (mailbox full, message expired in a queue...),
 * until a delivery clears the count or the {@link SuppressionPolicy} turns enough of them into a suppression.
 *
 * @param address the address, as {@link Addresses#key(String)} keeps it
 * @param reason the reason of the bounce or reply
 * @param at when it happened (never later than when it was recorded), to the microsecond
 * @param cause the evidence; its {@link Evidence#key()} makes it counted once
 */
public record SoftBounce(String address, Reason reason, Instant at, Evidence cause) {
    /**
     * Checks the components and keys the address.
     *
     * @param address the address
     * @param reason the reason
     * @param at when
     * @param cause the evidence
     */
    public SoftBounce {
        address = Addresses.key(address);
        Objects.requireNonNull(reason, "reason");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(cause, "cause");
    }
}
