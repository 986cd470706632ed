package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.mailoutcome.tracking.DeliveryStoreException;

/**
 * How the stores call the database: a read on one connection, a write in one transaction (retried once when it
 * lost a race to insert the same key), each failure a {@link DeliveryStoreException} saying what could not be done.
 */
public final class Calls {
    /** The most keys in one {@code IN} list. */
    public static final int CHUNK = 1000;

    private Calls() {
    }

    /** Reads of some keys, {@value #CHUNK} at a time. */
    @FunctionalInterface
    public interface ChunkRead<T> {
        /** The rows of one chunk of keys. */
        List<T> read(Connection c, List<String> keys) throws SQLException;
    }

    /** Runs a read on one connection. */
    public static <T> T read(DataSource dataSource, String what, Transactions.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Reads the rows of many keys in chunks, on one connection: one statement up to {@value #CHUNK} keys. */
    public static <T> List<T> readKeys(DataSource dataSource, String what, Collection<String> keys, ChunkRead<T> read) {
        List<String> all = List.copyOf(keys);
        if (all.isEmpty()) return List.of();
        return read(dataSource, what, c -> {
            List<T> out = new ArrayList<>();
            for (int from = 0; from < all.size(); from += CHUNK) {
                out.addAll(read.read(c, all.subList(from, Math.min(all.size(), from + CHUNK))));
            }
            return out;
        });
    }

    /** Runs a write in one transaction. */
    public static <T> T write(DataSource dataSource, String what, Transactions.Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /**
     * Runs a write in one transaction, and once more when it failed on a unique key: another process inserted the
     * row meanwhile, and the second run finds it (and locks it).
     */
    public static <T> T writeOrRetry(DataSource dataSource, String what, Transactions.Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            if (!Transactions.isUniqueViolation(e)) throw failed(what, e);
        }
        return write(dataSource, what, work);
    }

    /** A store failure saying what could not be done. */
    public static DeliveryStoreException failed(String what, SQLException e) {
        return new DeliveryStoreException("cannot " + what + ": " + e.getMessage(), e);
    }
}
