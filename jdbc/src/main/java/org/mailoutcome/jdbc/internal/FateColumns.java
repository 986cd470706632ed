package org.mailoutcome.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.mailoutcome.DeliveryOutcome;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Reason;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.StoredOutcome;

/**
 * A {@link Fate} as six columns: its name, its time, a delay's status code, a bounce's outcome (stage, text) and
 * reason (empty in rows written before schema version 5: the outcome's own reason then).
 */
final class FateColumns {
    private FateColumns() {
    }

    /** The columns {@link #set} sets, in its order. */
    static final String COLUMNS = "fate, fate_at, fate_status, fate_stage, fate_text, fate_reason";

    /** How many parameters {@link #set} sets. */
    static final int COUNT = 6;

    /** Sets fate, fate_at, fate_status, fate_stage, fate_text, fate_reason from parameter {@code first} on. */
    static void set(PreparedStatement ps, int first, Fate fate) throws SQLException {
        ps.setString(first, fate.name());
        ps.setObject(first + 1, fate.at().map(EvidenceColumns::utc).orElse(null));
        ps.setString(first + 2, fate instanceof Fate.Delayed d ? d.status().map(EnhancedStatus::toString)
                .orElse(null) : null);
        Optional<StoredOutcome> bounce = fate instanceof Fate.Bounced b ? Optional.of(StoredOutcome.of(b.outcome()))
                : Optional.empty();
        ps.setString(first + 3, bounce.map(o -> o.stage().name()).orElse(null));
        ps.setString(first + 4, bounce.map(StoredOutcome::text).orElse(null));
        ps.setString(first + 5, fate instanceof Fate.Bounced b ? b.reason().name() : null);
    }

    /** The fate of the current row. */
    static Fate get(ResultSet rs) throws SQLException {
        String name = rs.getString("fate");
        OffsetDateTime at = rs.getObject("fate_at", OffsetDateTime.class);
        return switch (name) {
            case "Pending" -> new Fate.Pending();
            case "NotAccepted" -> new Fate.NotAccepted();
            case "Delayed" -> new Fate.Delayed(at.toInstant(),
                    Optional.ofNullable(rs.getString("fate_status")).map(EnhancedStatus::parse));
            case "Delivered" -> new Fate.Delivered(at.toInstant());
            case "Bounced" -> bounced(new StoredOutcome(Stage.valueOf(rs.getString("fate_stage")),
                    rs.getString("fate_text")).outcome(), rs.getString("fate_reason"), at.toInstant());
            default -> throw new IllegalStateException("unknown fate in the store: " + name);
        };
    }

    private static Fate.Bounced bounced(DeliveryOutcome outcome, String reason, java.time.Instant at) {
        return reason == null ? new Fate.Bounced(outcome, at) : new Fate.Bounced(outcome, Reason.valueOf(reason), at);
    }
}
