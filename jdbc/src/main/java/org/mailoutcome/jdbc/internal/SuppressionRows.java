package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.mailoutcome.Reason;
import org.mailoutcome.SuppressionKind;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.SoftBounce;
import org.mailoutcome.tracking.Suppression;

/** The statements on {@code mail_outcome_suppressions}, {@code _soft_bounces} and {@code _suppression_log}. */
public final class SuppressionRows {
    private static final String ENTRY = "address, kind, reason, since_at, until_at, " + EvidenceColumns.NAMES;
    private static final String SOFT = "address, cause_key, reason, bounced_at, " + EvidenceColumns.NAMES;
    /** What the log says happened. */
    public enum Event { SUPPRESSED, REMOVED, CLEARED }

    private SuppressionRows() {
    }

    /** The entries in force of these addresses (keys), in one statement. */
    public static List<Suppression> active(Connection c, Collection<String> keys, Instant now) throws SQLException {
        if (keys.isEmpty()) return List.of();
        String marks = String.join(", ", keys.stream().map(k -> "?").toList());
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY + " FROM mail_outcome_suppressions WHERE "
                + "address IN (" + marks + ") AND (until_at IS NULL OR until_at > ?)")) {
            int i = 1;
            for (String key : keys) ps.setString(i++, key);
            ps.setObject(i, EvidenceColumns.utc(now));
            return entries(ps);
        }
    }

    /** The entry of an address, in force or not; {@code lock} takes a row lock until the transaction ends. */
    public static Optional<Suppression> find(Connection c, String key, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY + " FROM mail_outcome_suppressions WHERE "
                + "address = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, key);
            return entries(ps).stream().findFirst();
        }
    }

    /** A page of the entries in force after an address, in address order. */
    public static List<Suppression> page(Connection c, Instant now, Optional<String> after, int limit)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY + " FROM mail_outcome_suppressions WHERE "
                + "(until_at IS NULL OR until_at > ?) AND address > ? ORDER BY address FETCH FIRST ? ROWS ONLY")) {
            ps.setObject(1, EvidenceColumns.utc(now));
            ps.setString(2, after.orElse(""));
            ps.setInt(3, limit);
            return entries(ps);
        }
    }

    /** Every entry, in address order, one at a time. */
    public static void each(Connection c, Consumer<Suppression> each) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ENTRY + " FROM mail_outcome_suppressions "
                + "ORDER BY address")) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) each.accept(entry(rs));
            }
        }
    }

    /** Stores an entry in place of any other of its address, and logs it. */
    public static void store(Connection c, Suppression e, boolean exists, Instant now) throws SQLException {
        if (exists) delete(c, "mail_outcome_suppressions", e.address());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_suppressions (" + ENTRY
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.address());
            setEntry(ps, 2, e);
            ps.executeUpdate();
        }
        log(c, e.address(), Event.SUPPRESSED, Optional.of(e), now);
    }

    /** Deletes an address's entry; with {@code softOnly}, only an entry of kind SOFT_BOUNCES. */
    public static boolean deleteEntry(Connection c, String key, boolean softOnly) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM mail_outcome_suppressions WHERE address = ?"
                + (softOnly ? " AND kind = ?" : ""))) {
            ps.setString(1, key);
            if (softOnly) ps.setString(2, SuppressionKind.SOFT_BOUNCES.name());
            return ps.executeUpdate() > 0;
        }
    }

    /** Deletes an address's soft bounces; returns how many. */
    public static int deleteSoftBounces(Connection c, String key) throws SQLException {
        return delete(c, "mail_outcome_soft_bounces", key);
    }

    /** Inserts a soft bounce; false when one with its key is there already. */
    public static boolean insertSoftBounce(Connection c, SoftBounce b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_soft_bounces (" + SOFT
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, b.address());
            ps.setString(2, b.cause().key());
            ps.setString(3, b.reason().name());
            ps.setObject(4, EvidenceColumns.utc(b.at()));
            EvidenceColumns.set(ps, 5, b.cause());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Transactions.isUniqueViolation(e)) return false;
            throw e;
        }
    }

    /** Forgets an address's soft bounces older than {@code before}. */
    public static void forgetSoftBounces(Connection c, String key, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM mail_outcome_soft_bounces WHERE address = ? AND "
                + "bounced_at < ?")) {
            ps.setString(1, key);
            ps.setObject(2, EvidenceColumns.utc(before));
            ps.executeUpdate();
        }
    }

    /** An address's soft bounces, oldest first. */
    public static List<SoftBounce> softBounces(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SOFT + " FROM mail_outcome_soft_bounces WHERE "
                + "address = ? ORDER BY bounced_at, cause_key")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                List<SoftBounce> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new SoftBounce(rs.getString("address"), Reason.valueOf(rs.getString("reason")),
                            rs.getObject("bounced_at", OffsetDateTime.class).toInstant(), EvidenceColumns.get(rs)));
                }
                return out;
            }
        }
    }

    /** Logs what happened to an address's suppression. */
    public static void log(Connection c, String key, Event event, Optional<Suppression> entry, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_suppression_log (address, "
                + "logged_at, event, kind, reason, since_at, until_at, " + EvidenceColumns.NAMES
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setObject(2, EvidenceColumns.utc(now));
            ps.setString(3, event.name());
            if (entry.isPresent()) {
                setEntry(ps, 4, entry.get());
            } else {
                for (int i = 4; i < 8 + EvidenceColumns.COUNT; i++) ps.setObject(i, null);
            }
            ps.executeUpdate();
        }
    }

    /** The entry of the current row of a suppression or log query. */
    public static Suppression entry(ResultSet rs) throws SQLException {
        OffsetDateTime until = rs.getObject("until_at", OffsetDateTime.class);
        return new Suppression(rs.getString("address"), SuppressionKind.valueOf(rs.getString("kind")),
                Reason.valueOf(rs.getString("reason")), rs.getObject("since_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(until).map(OffsetDateTime::toInstant), EvidenceColumns.get(rs));
    }

    /** Sets kind, reason, since, until and the evidence (11 parameters) from parameter {@code first} on. */
    private static void setEntry(PreparedStatement ps, int first, Suppression e) throws SQLException {
        ps.setString(first, e.kind().name());
        ps.setString(first + 1, e.reason().name());
        ps.setObject(first + 2, EvidenceColumns.utc(e.since()));
        ps.setObject(first + 3, e.until().map(EvidenceColumns::utc).orElse(null));
        EvidenceColumns.set(ps, first + 4, e.cause());
    }

    private static List<Suppression> entries(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Suppression> out = new ArrayList<>();
            while (rs.next()) out.add(entry(rs));
            return out;
        }
    }

    private static int delete(Connection c, String table, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE address = ?")) {
            ps.setString(1, key);
            return ps.executeUpdate();
        }
    }
}
