package org.mailoutcome.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.mailoutcome.EnhancedStatus;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.Fate;
import org.mailoutcome.tracking.StoredOutcome;

/** A {@link Fate} as four columns: its name, its time, a delay's status code, a bounce's outcome (stage, text). */
final class FateColumns {
    private FateColumns() {
    }

    /** Sets fate, fate_at, fate_status, fate_stage, fate_text from parameter {@code first} on. */
    static void set(PreparedStatement ps, int first, Fate fate) throws SQLException {
        ps.setString(first, fate.name());
        ps.setObject(first + 1, fate.at().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null));
        ps.setString(first + 2, fate instanceof Fate.Delayed d ? d.status().map(EnhancedStatus::toString)
                .orElse(null) : null);
        Optional<StoredOutcome> bounce = fate instanceof Fate.Bounced b ? Optional.of(StoredOutcome.of(b.outcome()))
                : Optional.empty();
        ps.setString(first + 3, bounce.map(o -> o.stage().name()).orElse(null));
        ps.setString(first + 4, bounce.map(StoredOutcome::text).orElse(null));
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
            case "Bounced" -> new Fate.Bounced(new StoredOutcome(Stage.valueOf(rs.getString("fate_stage")),
                    rs.getString("fate_text")).outcome(), at.toInstant());
            default -> throw new IllegalStateException("unknown fate in the store: " + name);
        };
    }
}
