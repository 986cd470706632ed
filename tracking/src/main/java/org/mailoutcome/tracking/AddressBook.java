package org.mailoutcome.tracking;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where recipients moved: old address to new, with provenance. The mailer and the bounce tracker teach it the
 * forward paths they meet (251, a 551 naming the new address, a 5.1.6 bounce naming it); the mailer looks the
 * envelope up once per send and, when its {@code ForwardPolicy} allows the new address, sends there directly.
 * {@link InMemoryAddressBook} keeps it in memory; {@code mail-outcome-jdbc} has a durable one. One hop: an entry
 * names the address to use, the book does not follow chains.
 *
 * <p><b>For implementers:</b> addresses compare by {@link Addresses#key(String)}; {@link #lookup} is one read
 * (one database round trip) with no write; {@link #learn} is atomic and says {@code true} once per fact, even
 * when two processes learn it at once, so a callback that fires "when learnt" fires once. Thread-safe; failures
 * are {@link DeliveryStoreException}.
 */
public interface AddressBook {

    /**
     * The forward paths known for some addresses, in one read.
     *
     * @param addresses the envelope
     * @return the entries of the addresses that moved, by {@link Addresses#key(String)} of the old address
     * @throws IllegalArgumentException for an address that is none
     * @throws DeliveryStoreException when the store fails
     */
    Map<String, MovedAddress> lookup(Collection<String> addresses);

    /**
     * The forward path known for one address.
     *
     * @param oldAddress the address
     * @return its entry, or empty
     * @throws DeliveryStoreException when the store fails
     */
    Optional<MovedAddress> find(String oldAddress);

    /**
     * Learns a forward path: stores it when the old address has none, or has another new address (a later move
     * replaces an earlier one); leaves an entry naming the same new address as it is.
     *
     * @param moved the forward path and its provenance
     * @return true when this is news (stored), false when it was known
     * @throws DeliveryStoreException when the store fails
     */
    boolean learn(MovedAddress moved);

    /**
     * The entries, by old address, a page at a time.
     *
     * @param after the last old address of the previous page, or empty for the first page
     * @param limit the most to return, at least 1
     * @return up to {@code limit} entries
     * @throws IllegalArgumentException when {@code limit < 1}
     * @throws DeliveryStoreException when the store fails
     */
    List<MovedAddress> list(Optional<String> after, int limit);

    /**
     * Forgets the forward path of an address.
     *
     * @param oldAddress the address
     * @return true when there was one
     * @throws DeliveryStoreException when the store fails
     */
    boolean remove(String oldAddress);
}
