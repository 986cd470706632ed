package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailoutcome.jdbc.LedgerEntry;
import org.mailoutcome.jdbc.LedgerState;

/** The statements on {@code mail_outcome_ledger} (one row per send and envelope recipient) and the task table. */
public final class Ledger {
    /** The db-scheduler task name of a retry round. */
    public static final String TASK = "mail-outcome-retry";
    /** The module's own db-scheduler table (db-scheduler #341: schedulers sharing a table interfere). */
    public static final String TASKS_TABLE = "mail_outcome_tasks";
    private static final String COLUMNS = "send_id, recipient, target, state, attempt, outcome, disposition, "
            + "message_id, due_at, updated_at";

    private Ledger() {
    }

    /** A new row (PENDING, the attempt it waits for). */
    public static void insert(Connection c, String sendId, String recipient, String target, int attempt,
            Optional<String> outcome, Optional<String> messageId, Instant due, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_ledger (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, sendId);
            ps.setString(2, recipient);
            ps.setString(3, target);
            ps.setString(4, LedgerState.PENDING.name());
            ps.setInt(5, attempt);
            ps.setString(6, outcome.map(Ledger::clip).orElse(null));
            ps.setString(7, outcome.isPresent() ? "TRANSIENT" : null);
            ps.setString(8, messageId.orElse(null));
            ps.setObject(9, utc(due));
            ps.setObject(10, utc(now));
            ps.executeUpdate();
        }
    }

    /** The task row of a round, as db-scheduler writes it (not picked, version 1). */
    public static void insertTask(Connection c, TaskData data, Instant due) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TASKS_TABLE
                + " (task_name, task_instance, task_data, execution_time, picked, version) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, TASK);
            ps.setString(2, instance(data.sendId(), data.round()));
            ps.setBytes(3, TaskCodec.encode(data));
            ps.setObject(4, utc(due));
            ps.setBoolean(5, false);
            ps.setLong(6, 1L);
            ps.executeUpdate();
        }
    }

    /** Whether the round's task row is there. */
    public static boolean taskExists(Connection c, String sendId, int round) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + TASKS_TABLE
                + " WHERE task_name = ? AND task_instance = ?")) {
            ps.setString(1, TASK);
            ps.setString(2, instance(sendId, round));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The task instance id of a round. */
    public static String instance(String sendId, int round) {
        return sendId + "/" + round;
    }

    /** Moves a row from one state to another at the given attempt; false when it was not in that state. */
    public static boolean move(Connection c, String sendId, String recipient, int attempt, LedgerState from,
            LedgerState to, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE mail_outcome_ledger SET state = ?, updated_at = ? "
                + "WHERE send_id = ? AND recipient = ? AND attempt = ? AND state = ?")) {
            ps.setString(1, to.name());
            ps.setObject(2, utc(now));
            ps.setString(3, sendId);
            ps.setString(4, recipient);
            ps.setInt(5, attempt);
            ps.setString(6, from.name());
            return ps.executeUpdate() == 1;
        }
    }

    /** Records a result: DONE with its outcome, or PENDING again for the next attempt at {@code due}. */
    public static void result(Connection c, String sendId, String recipient, LedgerState state, int attempt,
            String outcome, String disposition, Optional<Instant> due, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE mail_outcome_ledger SET state = ?, attempt = ?, "
                + "outcome = ?, disposition = ?, due_at = ?, updated_at = ? WHERE send_id = ? AND recipient = ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, attempt);
            ps.setString(3, clip(outcome));
            ps.setString(4, disposition);
            ps.setObject(5, due.map(Ledger::utc).orElse(null));
            ps.setObject(6, utc(now));
            ps.setString(7, sendId);
            ps.setString(8, recipient);
            ps.executeUpdate();
        }
    }

    /** Points a row at a forward path: PENDING for its first attempt there, due now. */
    public static void retarget(Connection c, String sendId, String recipient, String target, String outcome,
            String disposition, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE mail_outcome_ledger SET target = ?, state = ?, "
                + "attempt = 1, outcome = ?, disposition = ?, due_at = ?, updated_at = ? WHERE send_id = ? AND "
                + "recipient = ?")) {
            ps.setString(1, target);
            ps.setString(2, LedgerState.PENDING.name());
            ps.setString(3, clip(outcome));
            ps.setString(4, disposition);
            ps.setObject(5, utc(now));
            ps.setObject(6, utc(now));
            ps.setString(7, sendId);
            ps.setString(8, recipient);
            ps.executeUpdate();
        }
    }

    /** The row of one recipient of a send. */
    public static Optional<LedgerEntry> row(Connection c, String sendId, String recipient) throws SQLException {
        List<LedgerEntry> rows = select(c, "WHERE send_id = ? AND recipient = ?", sendId, recipient);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Every row of a send, by recipient. */
    public static List<LedgerEntry> rows(Connection c, String sendId) throws SQLException {
        return select(c, "WHERE send_id = ? ORDER BY recipient", sendId);
    }

    /** Every row not DONE, by due time. */
    public static List<LedgerEntry> unfinished(Connection c) throws SQLException {
        return select(c, "WHERE state <> ? ORDER BY due_at, send_id, recipient", LedgerState.DONE.name());
    }

    private static List<LedgerEntry> select(Connection c, String where, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM mail_outcome_ledger " + where)) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                List<LedgerEntry> out = new ArrayList<>();
                while (rs.next()) out.add(entry(rs));
                return out;
            }
        }
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        return new LedgerEntry(rs.getString("send_id"), rs.getString("recipient"), rs.getString("target"),
                LedgerState.valueOf(rs.getString("state")), rs.getInt("attempt"),
                Optional.ofNullable(rs.getString("outcome")), Optional.ofNullable(rs.getString("message_id")),
                Optional.ofNullable(due).map(OffsetDateTime::toInstant),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }
}
