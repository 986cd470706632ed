package org.mailoutcome.cli;

import javax.sql.DataSource;
import org.mailoutcome.jdbc.JdbcAddressBook;
import org.mailoutcome.jdbc.JdbcDeliveryStore;
import org.mailoutcome.jdbc.JdbcHistory;
import org.mailoutcome.jdbc.JdbcRetries;
import org.mailoutcome.jdbc.JdbcSuppressionList;
import org.mailoutcome.tracking.Tracking;

/**
 * The stores of one {@code --store} database: the delivery records, the suppression list, the address book, the
 * history, and the durable retries wired to the list and the book. Each is made when first asked for (a command
 * that reads the history migrates the schema once, and builds nothing else).
 */
final class Stores {
    private final DataSource dataSource;
    private JdbcSuppressionList suppressions;
    private JdbcAddressBook addressBook;

    private Stores(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stores of a JDBC URL ({@code jdbc:h2:...}, {@code jdbc:postgresql://...}). */
    static Stores open(String url) {
        return new Stores(JdbcRetries.dataSource(url));
    }

    /** Tracking into the delivery records, with ENVID. */
    Tracking tracking() {
        return Tracking.builder(JdbcDeliveryStore.create(dataSource)).build();
    }

    synchronized JdbcSuppressionList suppressions() {
        if (suppressions == null) suppressions = JdbcSuppressionList.create(dataSource);
        return suppressions;
    }

    synchronized JdbcAddressBook addressBook() {
        if (addressBook == null) addressBook = JdbcAddressBook.create(dataSource);
        return addressBook;
    }

    JdbcHistory history() {
        return JdbcHistory.create(dataSource);
    }

    /** The durable retries, whose workers consult and feed the list and the book. */
    JdbcRetries retries(java.time.Duration pollingInterval) {
        return JdbcRetries.builder(dataSource).pollingInterval(pollingInterval).suppressions(suppressions())
                .addressBook(addressBook()).build();
    }
}
