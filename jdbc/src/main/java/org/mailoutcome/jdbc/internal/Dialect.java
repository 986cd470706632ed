package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the schema is written for. */
public enum Dialect {
    /** H2 2.x, embedded (the default) or server. */
    H2("h2"),
    /** PostgreSQL 12 and later. */
    POSTGRESQL("postgresql");

    private final String directory;

    Dialect(String directory) {
        this.directory = directory;
    }

    /** The dialect of the connection's database. */
    public static Dialect of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) return H2;
        if (product.contains("postgresql")) return POSTGRESQL;
        throw new IllegalArgumentException("unsupported database: " + c.getMetaData().getDatabaseProductName()
                + " (mail-outcome-jdbc supports H2 and PostgreSQL)");
    }

    String migrationPath(String name) {
        return "/org/mailoutcome/jdbc/migrations/" + directory + "/" + name;
    }
}
