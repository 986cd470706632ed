package org.mailoutcome.tracking;

import java.util.List;

/**
 * "What happened to the mail we sent bob@example.com?": the history of an address, from the stores that keep it
 * (the JDBC module's, on the one database that holds the delivery records, the retries, the suppression list and
 * the address book).
 */
public interface AddressHistory {

    /**
     * Every event about an address, oldest first: its sends (and the sends forwarded to it) with their SMTP
     * outcomes and attempts, each durable retry round, each notice with the fate it reported, its suppressions
     * made and lifted, the forward paths learnt from it or to it.
     *
     * @param address the address, compared by {@link Addresses#key(String)}
     * @return the events; empty for an address never seen
     * @throws IllegalArgumentException for an address that is none
     * @throws DeliveryStoreException when the store fails
     */
    List<HistoryEvent> of(String address);
}
