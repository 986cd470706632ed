package org.mailoutcome.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.mailoutcome.tracking.DeliveryStoreException;

/**
 * The versioned schema: {@code migrations/<dialect>/V<n>__<name>.sql} applied in order, each in a transaction,
 * each recorded in {@code mail_outcome_schema_version}. A database already at the latest version is left alone.
 */
public final class Schema {
    /** The migrations in order; a later release appends, never edits. */
    static final List<String> MIGRATIONS = List.of("V1__retries.sql", "V2__delivery_records.sql",
            "V3__acting_on_fates.sql", "V4__queue_ids.sql", "V5__fate_reasons.sql");
    private static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS mail_outcome_schema_version ("
            + "version INT PRIMARY KEY, description VARCHAR(200) NOT NULL, "
            + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)";

    private Schema() {
    }

    /** The latest version this library knows. */
    public static int latest() {
        return MIGRATIONS.size();
    }

    /** Applies the migrations the database lacks; returns the version it is at afterwards. */
    public static int migrate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(c);
            try (Statement s = c.createStatement()) {
                s.execute(VERSION_TABLE);
            }
            int current = current(c);
            for (int v = current + 1; v <= MIGRATIONS.size(); v++) apply(c, dialect, v);
            return Math.max(current, MIGRATIONS.size());
        }
    }

    /**
     * Applies the migrations the database lacks, for a store's {@code create}.
     *
     * @throws DeliveryStoreException when it cannot
     */
    public static void migrateOrFail(DataSource dataSource) {
        try {
            migrate(java.util.Objects.requireNonNull(dataSource, "dataSource"));
        } catch (SQLException e) {
            throw new DeliveryStoreException("cannot migrate the mail-outcome schema: " + e.getMessage(), e);
        }
    }

    /** The version the database is at: 0 for none. */
    public static int current(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM mail_outcome_schema_version");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void apply(Connection c, Dialect dialect, int version) throws SQLException {
        String name = MIGRATIONS.get(version - 1);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (String sql : statements(read(dialect.migrationPath(name)))) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.execute();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO mail_outcome_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, name);
                ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The statements of a script: split at semicolons that end a line; comment lines dropped. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) throw new IllegalStateException("script does not end with ';'");
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = Schema.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("migration not found: " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
