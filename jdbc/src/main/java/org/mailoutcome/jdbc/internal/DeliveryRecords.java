package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.StoredOutcome;
import org.mailoutcome.tracking.TrackedRecipient;

/** The statements on mail_outcome_sends, mail_outcome_recipients and mail_outcome_notices. */
public final class DeliveryRecords {
    private static final String SEND_COLUMNS = "id, message_id, envelope_id, verp_token, sent_at, server, unresolved, "
            + "queue_id";

    private DeliveryRecords() {
    }

    /** Inserts a send with its recipients (and any notices they carry). */
    public static void insert(Connection c, SentMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_sends (" + SEND_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, m.id());
            ps.setString(2, m.messageId().orElse(null));
            ps.setString(3, m.envelopeId().orElse(null));
            ps.setString(4, m.verpToken().orElse(null));
            ps.setObject(5, EvidenceColumns.utc(m.sentAt()));
            ps.setString(6, m.server());
            ps.setBoolean(7, m.isUnresolved());
            ps.setString(8, m.queueId().orElse(null));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_recipients (send_id, position, "
                + "address, final_address, outcome_stage, outcome_text, " + FateColumns.COLUMNS
                + ", address_key, final_key) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                ps.setString(7 + FateColumns.COUNT, key(r.address()));
                ps.setString(8 + FateColumns.COUNT, key(r.finalAddress()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Attempts.insert(c, m);
        for (int i = 0; i < m.recipients().size(); i++) {
            for (String notice : m.recipients().get(i).notices()) {
                addNotice(c, m.id(), i, notice, Optional.empty(), false, m.sentAt());
            }
        }
    }

    /** The key an address is found by in the history: trimmed, lower case (no check: any envelope address). */
    public static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** Remembers a notice for a recipient, after the ones it has, with the fate it reported if known. */
    public static void addNotice(Connection c, String sendId, int position, String noticeId, Optional<Fate> reported,
            boolean applied, Instant noticedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_notices (send_id, position, "
                + "notice_id, seq, " + FateColumns.COLUMNS + ", applied, noticed_at) VALUES "
                + "(?, ?, ?, (SELECT COUNT(*) FROM mail_outcome_notices WHERE send_id = ? AND position = ?), ?, ?, ?, "
                + "?, ?, ?, ?, ?)")) {
            ps.setString(1, sendId);
            ps.setInt(2, position);
            ps.setString(3, noticeId);
            ps.setString(4, sendId);
            ps.setInt(5, position);
            if (reported.isPresent()) {
                FateColumns.set(ps, 6, reported.get());
            } else {
                for (int i = 6; i < 6 + FateColumns.COUNT; i++) ps.setObject(i, null);
            }
            ps.setBoolean(6 + FateColumns.COUNT, applied);
            ps.setObject(7 + FateColumns.COUNT, EvidenceColumns.utc(noticedAt));
            ps.executeUpdate();
        }
    }

    /**
     * After a durable retry round: adds the round's attempt to a tracked recipient, makes its outcome and address
     * the final ones and, when it was deferred (not accepted), starts its fate again from the new outcome; does
     * nothing when the send is not recorded here (not tracked, or tracked in another store).
     *
     * @return whether the record was updated
     */
    public static boolean retried(Connection c, String sendId, String address, TrackedRecipient.Attempt attempt)
            throws SQLException {
        lock(c, sendId);
        Optional<SentMessage> found = find(c, sendId);
        if (found.isEmpty()) return false;
        SentMessage send = found.get();
        for (int i = 0; i < send.recipients().size(); i++) {
            TrackedRecipient r = send.recipients().get(i);
            if (!r.address().equalsIgnoreCase(address)) continue;
            TrackedRecipient after = r.retried(attempt);
            Attempts.add(c, sendId, i, r.attempts().size(), attempt);
            try (PreparedStatement ps = c.prepareStatement("UPDATE mail_outcome_recipients SET final_address = ?, "
                    + "final_key = ?, outcome_stage = ?, outcome_text = ? WHERE send_id = ? AND position = ?")) {
                StoredOutcome outcome = StoredOutcome.of(after.outcome());
                ps.setString(1, after.finalAddress());
                ps.setString(2, key(after.finalAddress()));
                ps.setString(3, outcome.stage().name());
                ps.setString(4, outcome.text());
                ps.setString(5, sendId);
                ps.setInt(6, i);
                ps.executeUpdate();
            }
            setFate(c, send.with(after), i);
            return true;
        }
        return false;
    }

    /** Replaces a recipient's fate and the send's unresolved flag. */
    public static void setFate(Connection c, SentMessage after, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE mail_outcome_recipients SET fate = ?, fate_at = ?, "
                + "fate_status = ?, fate_stage = ?, fate_text = ?, fate_reason = ? "
                + "WHERE send_id = ? AND position = ?")) {
            FateColumns.set(ps, 1, after.recipients().get(position).fate());
            ps.setString(1 + FateColumns.COUNT, after.id());
            ps.setInt(2 + FateColumns.COUNT, position);
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

    /** The latest sends, newest first; the driver stops reading after {@code limit} rows. */
    public static List<SentMessage> recent(Connection c, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM mail_outcome_sends ORDER BY sent_at DESC, id DESC")) {
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
        }
        List<SentMessage> out = new ArrayList<>();
        for (String id : ids) find(c, id).ifPresent(out::add);
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
                        Optional.ofNullable(rs.getString("queue_id")),
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
                    int position = rs.getInt("position");
                    out.add(new TrackedRecipient(rs.getString("address"), rs.getString("final_address"),
                            outcome.outcome(), fate, notices(c, id, position), Attempts.of(c, id, position)));
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
