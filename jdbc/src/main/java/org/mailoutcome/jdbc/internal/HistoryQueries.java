package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.HistoryEvent;
import org.mailoutcome.tracking.MovedAddress;
import org.mailoutcome.tracking.StoredOutcome;
import org.mailoutcome.tracking.TrackedRecipient;

/**
 * The history of one address in four indexed reads: its recipient rows (by {@code address_key} or
 * {@code final_key}) with their sends and attempts, their notices, the suppression log, the address book.
 * Identical replies are classified once per query (a busy address repeats "250 2.1.5 Ok" thousands of times).
 */
public final class HistoryQueries {
    private static final String MINE = "(r.address_key = ? OR r.final_key = ?)";

    private final Connection c;
    private final String key;
    private final Map<String, DeliveryOutcome> outcomes = new HashMap<>();

    private HistoryQueries(Connection c, String key) {
        this.c = c;
        this.key = key;
    }

    /** Every event about the address (a key), oldest first. */
    public static List<HistoryEvent> of(Connection c, String key) throws SQLException {
        return new HistoryQueries(c, key).events();
    }

    /** A recipient row of the address: its send and position, what the row says, and its attempts by seq. */
    private static final class Row {
        final String send;
        final Instant sentAt;
        final Optional<String> messageId;
        final String address;
        final String stage;
        final String text;
        final Map<Integer, TrackedRecipient.Attempt> attempts = new TreeMap<>();

        Row(String send, Instant sentAt, Optional<String> messageId, String address, String stage, String text) {
            this.send = send;
            this.sentAt = sentAt;
            this.messageId = messageId;
            this.address = address;
            this.stage = stage;
            this.text = text;
        }
    }

    private List<HistoryEvent> events() throws SQLException {
        List<HistoryEvent> events = new ArrayList<>();
        for (Row row : rows().values()) {
            List<TrackedRecipient.Attempt> own = row.attempts.values().stream().filter(a -> a.round() == 0).toList();
            DeliveryOutcome outcome = own.isEmpty() ? outcome(row.stage, row.text) : own.get(own.size() - 1).outcome();
            events.add(new HistoryEvent.Sent(row.sentAt, row.send, row.messageId, row.address, outcome, own));
            row.attempts.values().stream().filter(a -> a.round() > 0)
                    .forEach(a -> events.add(new HistoryEvent.Retried(row.send, a)));
        }
        notices(events);
        suppressions(events);
        for (MovedAddress m : AddressBookRows.involving(c, key)) events.add(new HistoryEvent.Moved(m));
        events.sort(Comparator.comparing(HistoryEvent::at));
        return events;
    }

    /** The address's recipient rows with their sends and attempts, in one read. */
    private Map<String, Row> rows() throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (PreparedStatement ps = mine("SELECT r.send_id, r.position, s.sent_at, s.message_id, r.address, "
                + "r.outcome_stage, r.outcome_text, a.seq, a.address AS attempt_address, a.outcome_stage AS "
                + "attempt_stage, a.outcome_text AS attempt_text, a.retry_round, a.attempted_at FROM "
                + "mail_outcome_recipients r JOIN mail_outcome_sends s ON s.id = r.send_id LEFT JOIN "
                + "mail_outcome_attempts a ON a.send_id = r.send_id AND a.position = r.position WHERE " + MINE);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String send = rs.getString(1);
                Row row = rows.get(send + "/" + rs.getInt(2));
                if (row == null) {
                    row = new Row(send, rs.getObject(3, OffsetDateTime.class).toInstant(),
                            Optional.ofNullable(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7));
                    rows.put(send + "/" + rs.getInt(2), row);
                }
                int seq = rs.getInt("seq");
                if (rs.wasNull()) continue;
                row.attempts.put(seq, new TrackedRecipient.Attempt(rs.getString("attempt_address"),
                        outcome(rs.getString("attempt_stage"), rs.getString("attempt_text")), rs.getInt("retry_round"),
                        rs.getObject("attempted_at", OffsetDateTime.class).toInstant()));
            }
        }
        return rows;
    }

    private void notices(List<HistoryEvent> events) throws SQLException {
        try (PreparedStatement ps = mine("SELECT n.send_id, n.notice_id, n.noticed_at, n.applied, n.fate, n.fate_at, "
                + "n.fate_status, n.fate_stage, n.fate_text, n.fate_reason "
                + "FROM mail_outcome_notices n JOIN mail_outcome_recipients r "
                + "ON r.send_id = n.send_id AND r.position = n.position WHERE " + MINE + " AND n.fate IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Fate fate = FateColumns.get(rs);
                Instant at = fate.at().isPresent() ? fate.at().get()
                        : rs.getObject("noticed_at", OffsetDateTime.class).toInstant();
                events.add(new HistoryEvent.Noticed(at, rs.getString("send_id"), rs.getString("notice_id"), fate,
                        rs.getBoolean("applied")));
            }
        }
    }

    private void suppressions(List<HistoryEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM mail_outcome_suppression_log WHERE address = ? "
                + "ORDER BY id")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getObject("logged_at", OffsetDateTime.class).toInstant();
                    String event = rs.getString("event");
                    events.add(event.equals(SuppressionRows.Event.SUPPRESSED.name())
                            ? new HistoryEvent.Suppressed(at, SuppressionRows.entry(rs))
                            : new HistoryEvent.Unsuppressed(at, event.equals(SuppressionRows.Event.REMOVED.name())
                                    ? "removed" : "cleared by a delivery"));
                }
            }
        }
    }

    private PreparedStatement mine(String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setString(1, key);
        ps.setString(2, key);
        return ps;
    }

    private DeliveryOutcome outcome(String stage, String text) {
        return outcomes.computeIfAbsent(stage + "\n" + text, k -> new StoredOutcome(Stage.valueOf(stage), text)
                .outcome());
    }
}
