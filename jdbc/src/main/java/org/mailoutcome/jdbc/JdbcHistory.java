package org.mailoutcome.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.mailoutcome.jdbc.internal.HistoryQueries;
import org.mailoutcome.jdbc.internal.Schema;
import org.mailoutcome.tracking.AddressHistory;
import org.mailoutcome.tracking.Addresses;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.HistoryEvent;

/**
 * The history of an address from the one database that holds the delivery records ({@link JdbcDeliveryStore}),
 * the retries ({@link JdbcRetries}), the suppression list ({@link JdbcSuppressionList}) and the address book
 * ({@link JdbcAddressBook}): every send to it (or forwarded to it) with its SMTP outcome and attempts, each
 * durable retry round, each notice with the fate it reported, its suppressions made and lifted, the forward paths
 * from it or to it. Four indexed reads in one connection, whatever the number of sends.
 *
 * <pre>{@code
 * for (HistoryEvent e : JdbcHistory.create(dataSource).of("bob@example.com")) { ... }   // oldest first
 * }</pre>
 *
 * <p>Sends recorded before schema version 3 show their final outcome without attempts, and their notices without
 * the fate each reported. Thread-safe.
 */
public final class JdbcHistory implements AddressHistory {
    private final DataSource dataSource;

    private JdbcHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The history on the database; applies the schema migrations it lacks first.
     *
     * @param dataSource the database (H2 or PostgreSQL)
     * @return the history
     * @throws DeliveryStoreException when the database cannot be reached or migrated
     */
    public static JdbcHistory create(DataSource dataSource) {
        Schema.migrateOrFail(Objects.requireNonNull(dataSource, "dataSource"));
        return new JdbcHistory(dataSource);
    }

    @Override
    public List<HistoryEvent> of(String address) {
        String key = Addresses.key(address);
        try (Connection c = dataSource.getConnection()) {
            return HistoryQueries.of(c, key);
        } catch (SQLException e) {
            throw new DeliveryStoreException("history: cannot read the history of " + key + ": " + e.getMessage(), e);
        }
    }
}
