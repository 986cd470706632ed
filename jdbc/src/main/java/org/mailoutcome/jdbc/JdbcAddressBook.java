package org.mailoutcome.jdbc;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.mailoutcome.jdbc.internal.AddressBookRows;
import org.mailoutcome.jdbc.internal.Calls;
import org.mailoutcome.jdbc.internal.Schema;
import org.mailoutcome.jdbc.internal.Transactions;
import org.mailoutcome.tracking.AddressBook;
import org.mailoutcome.tracking.Addresses;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.MovedAddress;

/**
 * The address book in the same database as the delivery records and the retries ({@code mail_outcome_address_book}),
 * shared by every application instance on it. {@link #lookup} is one {@code SELECT} for the envelope;
 * {@link #learn} replaces an entry under a row lock, so of two instances learning the same move at once one is
 * told it is news. Every database failure is a {@link DeliveryStoreException}. Thread-safe.
 */
public final class JdbcAddressBook implements AddressBook {
    private final DataSource dataSource;

    private JdbcAddressBook(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * An address book on the database; applies the schema migrations it lacks first.
     *
     * @param dataSource the database (H2 or PostgreSQL)
     * @return the address book
     * @throws DeliveryStoreException when the database cannot be reached or migrated
     */
    public static JdbcAddressBook create(DataSource dataSource) {
        Schema.migrateOrFail(dataSource);
        return new JdbcAddressBook(dataSource);
    }

    @Override
    public Map<String, MovedAddress> lookup(Collection<String> addresses) {
        Set<String> keys = new LinkedHashSet<>();
        for (String address : addresses) keys.add(Addresses.key(address));
        Map<String, MovedAddress> found = new LinkedHashMap<>();
        for (MovedAddress m : Calls.readKeys(dataSource, "look the envelope up in the address book", keys,
                AddressBookRows::of)) {
            found.put(m.oldAddress(), m);
        }
        return found;
    }

    @Override
    public Optional<MovedAddress> find(String oldAddress) {
        String key = Addresses.key(oldAddress);
        return read("find " + key, c -> AddressBookRows.find(c, key, false));
    }

    @Override
    public boolean learn(MovedAddress moved) {
        Objects.requireNonNull(moved, "moved");
        return Calls.writeOrRetry(dataSource, "learn where " + moved.oldAddress() + " moved", c -> {
            Optional<MovedAddress> known = AddressBookRows.find(c, moved.oldAddress(), true);
            if (known.isPresent() && known.get().newAddress().equals(moved.newAddress())) return false;
            AddressBookRows.store(c, moved, known.isPresent());
            return true;
        });
    }

    @Override
    public List<MovedAddress> list(Optional<String> after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        Optional<String> from = after.map(Addresses::key);
        return read("list", c -> AddressBookRows.page(c, from, limit));
    }

    @Override
    public boolean remove(String oldAddress) {
        String key = Addresses.key(oldAddress);
        return Calls.write(dataSource, "remove " + key + " from the address book", c -> AddressBookRows.delete(c, key));
    }

    private <T> T read(String what, Transactions.Work<T> work) {
        return Calls.read(dataSource, what + " (address book)", work);
    }
}
