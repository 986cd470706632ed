package org.mailoutcome.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.mailoutcome.tracking.DeliveryStore;
import org.mailoutcome.tracking.DeliveryStoreException;
import org.mailoutcome.tracking.ReportedFate;
import org.mailoutcome.tracking.FateUpdate;
import org.mailoutcome.tracking.SentMessage;
import org.mailoutcome.tracking.TrackedRecipient;
import org.mailoutcome.jdbc.internal.Calls;
import org.mailoutcome.jdbc.internal.DeliveryRecords;
import org.mailoutcome.jdbc.internal.Schema;
import org.mailoutcome.jdbc.internal.Transactions;

/**
 * The delivery records of tracked sends in the same database as the durable retries ({@code mail_outcome_sends},
 * {@code _recipients}, {@code _notices}), so that a bounce arriving after a restart still finds its send.
 *
 * <p>Keeps every send until the application deletes rows itself; instants are kept to the microsecond.
 * {@link #update(ReportedFate)} locks the send's recipient rows ({@code SELECT ... FOR UPDATE}) for its
 * transaction, so two trackers applying one notice get one {@code Applied} and one {@code Duplicate}. Every
 * database failure is a {@link DeliveryStoreException}. Thread-safe.
 */
public final class JdbcDeliveryStore implements DeliveryStore {
    private static final String UNIQUE_VIOLATION = "23505";
    private final DataSource dataSource;

    private JdbcDeliveryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A store on the database; applies the schema migrations it lacks first.
     *
     * @param dataSource the database (H2 or PostgreSQL)
     * @return the store
     * @throws DeliveryStoreException when the database cannot be reached or migrated
     */
    public static JdbcDeliveryStore create(DataSource dataSource) {
        try {
            Schema.migrate(Objects.requireNonNull(dataSource, "dataSource"));
        } catch (SQLException e) {
            throw new DeliveryStoreException("cannot migrate the mail-outcome schema: " + e.getMessage(), e);
        }
        return new JdbcDeliveryStore(dataSource);
    }

    @Override
    public void record(SentMessage message) {
        Objects.requireNonNull(message, "message");
        try {
            Transactions.inTransaction(dataSource, c -> {
                DeliveryRecords.insert(c, message);
                return null;
            });
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException("send already recorded (or its ENVID or VERP token is): "
                        + message.id(), e);
            }
            throw failed("record " + message.id(), e);
        }
    }

    @Override
    public Optional<SentMessage> find(String id) {
        return read("find " + id, c -> DeliveryRecords.find(c, Objects.requireNonNull(id, "id")));
    }

    @Override
    public Optional<SentMessage> findByEnvelopeId(String envelopeId) {
        Objects.requireNonNull(envelopeId, "envelopeId");
        return read("find ENVID", c -> DeliveryRecords.where(c, "envelope_id", envelopeId).stream().findFirst());
    }

    @Override
    public Optional<SentMessage> findByVerpToken(String verpToken) {
        Objects.requireNonNull(verpToken, "verpToken");
        return read("find VERP token", c -> DeliveryRecords.where(c, "verp_token", verpToken).stream().findFirst());
    }

    @Override
    public List<SentMessage> findByMessageId(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return read("find Message-ID", c -> DeliveryRecords.where(c, "message_id", messageId));
    }

    @Override
    public List<SentMessage> findByQueueId(String queueId) {
        Objects.requireNonNull(queueId, "queueId");
        return read("find queue id", c -> DeliveryRecords.where(c, "queue_id", queueId));
    }

    @Override
    public FateUpdate update(ReportedFate change) {
        Objects.requireNonNull(change, "change");
        try {
            return Transactions.inTransaction(dataSource, c -> apply(c, change));
        } catch (SQLException e) {
            throw failed("update " + change.sendId(), e);
        }
    }

    private static FateUpdate apply(Connection c, ReportedFate change) throws SQLException {
        DeliveryRecords.lock(c, change.sendId());
        Optional<SentMessage> found = DeliveryRecords.find(c, change.sendId());
        if (found.isEmpty()) return new FateUpdate.NotFound();
        SentMessage message = found.get();
        int position = -1;
        for (int i = 0; i < message.recipients().size(); i++) {
            if (message.recipients().get(i).address().equalsIgnoreCase(change.recipient())) position = i;
        }
        if (position < 0) return new FateUpdate.NotFound();
        TrackedRecipient recipient = message.recipients().get(position);
        if (recipient.hasSeen(change.noticeId())) return new FateUpdate.Duplicate(message, recipient);
        boolean moves = recipient.fate().allows(change.fate());
        TrackedRecipient after = recipient.after(moves ? change.fate() : recipient.fate(), change.noticeId());
        SentMessage updated = message.with(after);
        DeliveryRecords.addNotice(c, message.id(), position, change.noticeId(), Optional.of(change.fate()), moves,
                Instant.now());
        if (moves) DeliveryRecords.setFate(c, updated, position);
        return moves ? new FateUpdate.Applied(updated, recipient.fate(), after) : new FateUpdate.Kept(updated, after);
    }

    @Override
    public List<SentMessage> unresolved(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        return read("list unresolved", c -> DeliveryRecords.unresolved(c, limit));
    }

    @Override
    public List<SentMessage> recent(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        return read("list recent", c -> DeliveryRecords.recent(c, limit));
    }

    private <T> T read(String what, Transactions.Work<T> work) {
        return Calls.read(dataSource, what, work);
    }

    private static DeliveryStoreException failed(String what, SQLException e) {
        return Calls.failed(what, e);
    }
}
