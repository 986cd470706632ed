package org.mailoutcome.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.mailoutcome.Stage;
import org.mailoutcome.tracking.Evidence;
import org.mailoutcome.tracking.Provider;
import org.mailoutcome.tracking.StoredOutcome;

/**
 * An {@link Evidence} as seven columns: {@code cause_type, send_id, message_id, notice_id, cause_stage, cause_text,
 * cause_at}. An outcome or a bounce keeps its reply as a {@link StoredOutcome}; a complaint its feedback type; a
 * manual entry its note; a provider's report its detail, the provider's name in {@code cause_stage}.
 */
public final class EvidenceColumns {
    /** The columns, in the order {@link #set} fills them. */
    public static final String NAMES = "cause_type, send_id, message_id, notice_id, cause_stage, cause_text, cause_at";
    /** How many there are. */
    public static final int COUNT = 7;

    private EvidenceColumns() {
    }

    /** Sets the seven columns from parameter {@code first} on. */
    public static void set(PreparedStatement ps, int first, Evidence e) throws SQLException {
        Optional<StoredOutcome> reply = e instanceof Evidence.Outcome o ? Optional.of(StoredOutcome.of(o.outcome()))
                : e instanceof Evidence.Bounce b ? Optional.of(StoredOutcome.of(b.outcome())) : Optional.empty();
        String text = reply.map(StoredOutcome::text).orElse(e instanceof Evidence.Complaint c ? c.feedbackType()
                : e instanceof Evidence.Manual m ? m.note() : e instanceof Evidence.Reported r ? r.detail() : null);
        ps.setString(first, type(e));
        ps.setString(first + 1, e.sendId().orElse(null));
        ps.setString(first + 2, e instanceof Evidence.Outcome o ? o.messageId().orElse(null) : null);
        ps.setString(first + 3, noticeId(e).orElse(null));
        ps.setString(first + 4, e instanceof Evidence.Reported r ? r.provider().id()
                : reply.map(o -> o.stage().name()).orElse(null));
        ps.setString(first + 5, text);
        ps.setObject(first + 6, utc(e.at()));
    }

    /** The evidence of the current row; {@code null} when its {@code cause_type} is (a log row without one). */
    public static Evidence get(ResultSet rs) throws SQLException {
        String type = rs.getString("cause_type");
        if (type == null) return null;
        Optional<String> send = Optional.ofNullable(rs.getString("send_id"));
        String notice = rs.getString("notice_id");
        String text = rs.getString("cause_text");
        Instant at = rs.getObject("cause_at", OffsetDateTime.class).toInstant();
        return switch (type) {
            case "outcome" -> new Evidence.Outcome(send, Optional.ofNullable(rs.getString("message_id")),
                    stored(rs, text).outcome(), at);
            case "bounce" -> new Evidence.Bounce(send.orElseThrow(), notice, stored(rs, text).outcome(), at);
            case "delivery" -> new Evidence.Delivery(send.orElseThrow(), notice, at);
            case "complaint" -> new Evidence.Complaint(send, notice, text, at);
            case "manual" -> new Evidence.Manual(text == null ? "" : text, at);
            case "provider" -> new Evidence.Reported(Provider.parse(rs.getString("cause_stage")), send, notice,
                    text == null ? "" : text, at);
            default -> throw new IllegalStateException("unknown cause in the store: " + type);
        };
    }

    /** An instant as the database keeps it: UTC, to the microsecond. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static StoredOutcome stored(ResultSet rs, String text) throws SQLException {
        return new StoredOutcome(Stage.valueOf(rs.getString("cause_stage")), text == null ? "" : text);
    }

    private static String type(Evidence e) {
        if (e instanceof Evidence.Outcome) return "outcome";
        if (e instanceof Evidence.Bounce) return "bounce";
        if (e instanceof Evidence.Delivery) return "delivery";
        if (e instanceof Evidence.Complaint) return "complaint";
        if (e instanceof Evidence.Reported) return "provider";
        return "manual";
    }

    private static Optional<String> noticeId(Evidence e) {
        if (e instanceof Evidence.Bounce b) return Optional.of(b.noticeId());
        if (e instanceof Evidence.Delivery d) return Optional.of(d.noticeId());
        if (e instanceof Evidence.Complaint c) return Optional.of(c.noticeId());
        if (e instanceof Evidence.Reported r) return Optional.of(r.eventId());
        return Optional.empty();
    }
}
