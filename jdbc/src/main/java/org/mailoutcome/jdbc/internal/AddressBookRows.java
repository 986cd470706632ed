package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.tracking.MovedAddress;

/** The statements on {@code mail_outcome_address_book}. */
public final class AddressBookRows {
    private static final String COLUMNS = "old_address, new_address, " + EvidenceColumns.NAMES;

    private AddressBookRows() {
    }

    /** The entries of these old addresses (keys). */
    public static List<MovedAddress> of(Connection c, Collection<String> keys) throws SQLException {
        if (keys.isEmpty()) return List.of();
        String marks = String.join(", ", keys.stream().map(k -> "?").toList());
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM mail_outcome_address_book WHERE "
                + "old_address IN (" + marks + ")")) {
            int i = 1;
            for (String key : keys) ps.setString(i++, key);
            return entries(ps);
        }
    }

    /** The entry of an old address; {@code lock} takes a row lock until the transaction ends. */
    public static Optional<MovedAddress> find(Connection c, String key, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM mail_outcome_address_book WHERE "
                + "old_address = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, key);
            return entries(ps).stream().findFirst();
        }
    }

    /** The entries from or to an address. */
    public static List<MovedAddress> involving(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM mail_outcome_address_book WHERE "
                + "old_address = ? OR new_address = ?")) {
            ps.setString(1, key);
            ps.setString(2, key);
            return entries(ps);
        }
    }

    /** A page of entries after an old address, in order. */
    public static List<MovedAddress> page(Connection c, Optional<String> after, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM mail_outcome_address_book WHERE "
                + "old_address > ? ORDER BY old_address FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, after.orElse(""));
            ps.setInt(2, limit);
            return entries(ps);
        }
    }

    /** Stores an entry in place of any other of its old address. */
    public static void store(Connection c, MovedAddress m, boolean exists) throws SQLException {
        if (exists) delete(c, m.oldAddress());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_address_book (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.oldAddress());
            ps.setString(2, m.newAddress());
            EvidenceColumns.set(ps, 3, m.provenance());
            ps.executeUpdate();
        }
    }

    /** Deletes the entry of an old address. */
    public static boolean delete(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM mail_outcome_address_book WHERE old_address = ?")) {
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
        }
    }

    private static List<MovedAddress> entries(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<MovedAddress> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new MovedAddress(rs.getString("old_address"), rs.getString("new_address"),
                        EvidenceColumns.get(rs)));
            }
            return out;
        }
    }
}
