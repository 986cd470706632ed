package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one JDBC transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {
    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work. */
        T run(Connection c) throws SQLException;
    }

    private Transactions() {
    }

    /** Whether a failure is a unique-key violation (SQLSTATE 23505, in H2 and PostgreSQL alike). */
    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Runs the work in a transaction of its own. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }
}
