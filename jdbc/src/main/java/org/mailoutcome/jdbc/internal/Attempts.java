package org.mailoutcome.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.StoredOutcome;
import org.mailoutcome.tracking.TrackedRecipient;

/** The statements on {@code mail_outcome_attempts}: every attempt of every tracked recipient, in order. */
final class Attempts {
    private static final String COLUMNS = "send_id, position, seq, address, outcome_stage, outcome_text, retry_round, "
            + "attempted_at";

    private Attempts() {
    }

    /** The attempts of a send's recipients. */
    static void insert(Connection c, SentMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_attempts (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < m.recipients().size(); i++) {
                List<TrackedRecipient.Attempt> attempts = m.recipients().get(i).attempts();
                for (int seq = 0; seq < attempts.size(); seq++) {
                    bind(ps, m.id(), i, seq, attempts.get(seq));
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) ps.executeBatch();
        }
    }

    /** One more attempt of a recipient, at sequence number {@code seq}. */
    static void add(Connection c, String sendId, int position, int seq, TrackedRecipient.Attempt attempt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mail_outcome_attempts (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(ps, sendId, position, seq, attempt);
            ps.executeUpdate();
        }
    }

    /** A recipient's attempts, in order. */
    static List<TrackedRecipient.Attempt> of(Connection c, String sendId, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM mail_outcome_attempts WHERE "
                + "send_id = ? AND position = ? ORDER BY seq")) {
            ps.setString(1, sendId);
            ps.setInt(2, position);
            try (ResultSet rs = ps.executeQuery()) {
                List<TrackedRecipient.Attempt> out = new ArrayList<>();
                while (rs.next()) out.add(attempt(rs, new StoredOutcome(Stage.valueOf(rs.getString("outcome_stage")),
                        rs.getString("outcome_text")).outcome()));
                return out;
            }
        }
    }

    /** The attempt of the current row, with its outcome already rebuilt. */
    static TrackedRecipient.Attempt attempt(ResultSet rs, org.mailoutcome.DeliveryOutcome outcome)
            throws SQLException {
        return new TrackedRecipient.Attempt(rs.getString("address"), outcome, rs.getInt("retry_round"),
                rs.getObject("attempted_at", OffsetDateTime.class).toInstant());
    }

    private static void bind(PreparedStatement ps, String sendId, int position, int seq, TrackedRecipient.Attempt a)
            throws SQLException {
        StoredOutcome outcome = StoredOutcome.of(a.outcome());
        ps.setString(1, sendId);
        ps.setInt(2, position);
        ps.setInt(3, seq);
        ps.setString(4, a.address());
        ps.setString(5, outcome.stage().name());
        ps.setString(6, outcome.text());
        ps.setInt(7, a.round());
        ps.setObject(8, EvidenceColumns.utc(a.at()));
    }
}
