package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * A forward path learnt: mail for {@link #oldAddress()} should now go to {@link #newAddress()}, and where that
 * came from (a 251 or 551 reply naming it, a 5.1.6 bounce naming it, or an operator).
 *
 * @param oldAddress the address that moved, as {@link Addresses#key(String)} keeps it
 * @param newAddress the address it moved to, as {@link Addresses#key(String)} keeps it
 * @param provenance the evidence that named it: which reply or notice, when, which send
 */
public record MovedAddress(String oldAddress, String newAddress, Evidence provenance) {
    /**
     * Checks the components and keys the addresses.
     *
     * @param oldAddress the old address
     * @param newAddress the new address
     * @param provenance the evidence
     * @throws IllegalArgumentException for an address that is none, or the same address twice
     */
    public MovedAddress {
        oldAddress = Addresses.key(oldAddress);
        newAddress = Addresses.key(newAddress);
        Objects.requireNonNull(provenance, "provenance");
        if (oldAddress.equals(newAddress)) throw new IllegalArgumentException("an address cannot move to itself: "
                + oldAddress);
    }

    /**
     * When it was learnt: the time of its evidence.
     *
     * @return the time
     */
    public Instant learnt() {
        return provenance.at();
    }
}
