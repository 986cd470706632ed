package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.StoredOutcome;
import org.mailoutcome.tracking.TrackedRecipient;

/** The statements on mail_outcome_sends, mail_outcome_recipients and mail_outcome_notices. */
public final class DeliveryRecords {
    private static final String SEND_COLUMNS = "id, message_id, envelope_id, verp_token, sent_at, server, unresolved";

    private DeliveryRecords() {
    }

    /** Inserts a send with its recipients (and any notices they carry). */
    public static void insert(Connection c, SentMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_sends (" + SEND_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.id());
            ps.setString(2, m.messageId().orElse(null));
            ps.setString(3, m.envelopeId().orElse(null));
            ps.setString(4, m.verpToken().orElse(null));
            ps.setObject(5, m.sentAt().atOffset(ZoneOffset.UTC));
            ps.setString(6, m.server());
            ps.setBoolean(7, m.isUnresolved());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_recipients (send_id, position, "
                + "address, final_address, outcome_stage, outcome_text, fate, fate_at, fate_status, fate_stage, "
                + "fate_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < m.recipients().size(); i++) {
                TrackedRecipient r = m.recipients().get(i);
                StoredOutcome outcome = StoredOutcome.of(r.outcome());
                ps.setString(1, m.id());
                ps.setInt(2, i);
                ps.setString(3, r.address());
                ps.setString(4, r.finalAddress());
                ps.setString(5, outcome.stage().name());
                ps.setString(6, outcome.text());
                FateColumns.set(ps, 7, r.fate());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (int i = 0; i < m.recipients().size(); i++) {
            for (String notice : m.recipients().get(i).notices()) addNotice(c, m.id(), i, notice);
        }
    }

    /** Remembers a notice for a recipient, after the ones it has. */
    public static void addNotice(Connection c, String sendId, int position, String noticeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_notices (send_id, position, "
                + "notice_id, seq) VALUES (?, ?, ?, (SELECT COUNT(*) FROM mail_outcome_notices WHERE send_id = ? "
                + "AND position = ?))")) {
            ps.setString(1, sendId);
            ps.setInt(2, position);
            ps.setString(3, noticeId);
            ps.setString(4, sendId);
            ps.setInt(5, position);
            ps.executeUpdate();
        }
    }

    /** Replaces a recipient's fate and the send's unresolved flag. */
    public static void setFate(Connection c, SentMessage after, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE mail_outcome_recipients SET fate = ?, fate_at = ?, "
                + "fate_status = ?, fate_stage = ?, fate_text = ? WHERE send_id = ? AND position = ?")) {
            FateColumns.set(ps, 1, after.recipients().get(position).fate());
            ps.setString(6, after.id());
            ps.setInt(7, position);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE mail_outcome_sends SET unresolved = ? WHERE id = ?")) {
            ps.setBoolean(1, after.isUnresolved());
            ps.setString(2, after.id());
            ps.executeUpdate();
        }
    }

    /** Locks a send's recipient rows (SELECT ... FOR UPDATE) until the transaction ends. */
    public static void lock(Connection c, String sendId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT position FROM mail_outcome_recipients WHERE send_id = ? FOR UPDATE")) {
            ps.setString(1, sendId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getInt(1);
                }
            }
        }
    }

    /** The sends where a column has a value, newest first, at most {@code limit}. */
    public static List<SentMessage> where(Connection c, String column, String value) throws SQLException {
        List<String> ids = ids(c, "SELECT id FROM mail_outcome_sends WHERE " + column + " = ? ORDER BY sent_at DESC",
                ps -> ps.setString(1, value));
        List<SentMessage> out = new ArrayList<>();
        for (String id : ids) find(c, id).ifPresent(out::add);
        return out;
    }

    /** Unresolved sends, oldest first. */
    public static List<SentMessage> unresolved(Connection c, int limit) throws SQLException {
        List<String> ids = ids(c, "SELECT id FROM mail_outcome_sends WHERE unresolved = ? ORDER BY sent_at, id",
                ps -> ps.setBoolean(1, true));
        List<SentMessage> out = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(limit, ids.size()))) find(c, id).ifPresent(out::add);
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<String> ids(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) ids.add(rs.getString(1));
                return ids;
            }
        }
    }

    /** The send with this id, with its recipients and their notices. */
    public static Optional<SentMessage> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SEND_COLUMNS + " FROM mail_outcome_sends WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new SentMessage(id, Optional.ofNullable(rs.getString("message_id")),
                        Optional.ofNullable(rs.getString("envelope_id")), Optional.ofNullable(rs.getString("verp_token")),
                        rs.getObject("sent_at", OffsetDateTime.class).toInstant(), rs.getString("server"),
                        recipients(c, id)));
            }
        }
    }

    private static List<TrackedRecipient> recipients(Connection c, String id) throws SQLException {
        List<TrackedRecipient> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM mail_outcome_recipients WHERE send_id = ? "
                + "ORDER BY position")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredOutcome outcome = new StoredOutcome(Stage.valueOf(rs.getString("outcome_stage")),
                            rs.getString("outcome_text"));
                    Fate fate = FateColumns.get(rs);
                    out.add(new TrackedRecipient(rs.getString("address"), rs.getString("final_address"),
                            outcome.outcome(), fate, notices(c, id, rs.getInt("position"))));
                }
            }
        }
        return out;
    }

    private static List<String> notices(Connection c, String id, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT notice_id FROM mail_outcome_notices WHERE send_id = ? "
                + "AND position = ? ORDER BY seq")) {
            ps.setString(1, id);
            ps.setInt(2, position);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) out.add(rs.getString(1));
                return out;
            }
        }
    }
}
