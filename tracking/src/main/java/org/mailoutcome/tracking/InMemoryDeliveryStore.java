package org.mailoutcome.tracking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The default {@link DeliveryStore}: in memory, thread-safe (one lock), lost when the process ends.
 *
 * <p><b>Bounded:</b> it keeps at most {@link #capacity()} sends (default {@value #DEFAULT_CAPACITY}); recording one
 * more forgets the oldest recorded, resolved or not. A notice for a forgotten send is reported by the tracker as
 * unmatched. Each send costs roughly 1 KB plus 0.3 KB per recipient, so the default holds about 100 MB at most.
 */
public final class InMemoryDeliveryStore implements DeliveryStore {
    /** The default number of sends kept. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    /** By id, in the order recorded: the eldest is evicted first. */
    private final LinkedHashMap<String, SentMessage> byId = new LinkedHashMap<>();
    private final Map<String, String> byEnvelopeId = new HashMap<>();
    private final Map<String, String> byVerpToken = new HashMap<>();
    private final Map<String, List<String>> byMessageId = new HashMap<>();
    private final Map<String, List<String>> byQueueId = new HashMap<>();

    /** A store keeping up to {@value #DEFAULT_CAPACITY} sends. */
    public InMemoryDeliveryStore() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A store keeping up to {@code capacity} sends.
     *
     * @param capacity at least 1
     * @throws IllegalArgumentException when {@code capacity < 1}
     */
    public InMemoryDeliveryStore(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        this.capacity = capacity;
    }

    /**
     * The most sends kept.
     *
     * @return the capacity
     */
    public int capacity() {
        return capacity;
    }

    /**
     * How many sends are kept now.
     *
     * @return the number of sends
     */
    public synchronized int size() {
        return byId.size();
    }

    @Override
    public synchronized void record(SentMessage message) {
        Objects.requireNonNull(message, "message");
        if (byId.containsKey(message.id())) throw new IllegalArgumentException("send already recorded: " + message.id());
        if (byId.size() >= capacity) evict(byId.keySet().iterator().next());
        byId.put(message.id(), message);
        message.envelopeId().ifPresent(e -> byEnvelopeId.put(e, message.id()));
        message.verpToken().ifPresent(t -> byVerpToken.put(t, message.id()));
        message.messageId().ifPresent(m -> byMessageId.computeIfAbsent(m, k -> new ArrayList<>()).add(message.id()));
        message.queueId().ifPresent(q -> byQueueId.computeIfAbsent(q, k -> new ArrayList<>()).add(message.id()));
    }

    @Override
    public synchronized Optional<SentMessage> find(String id) {
        return Optional.ofNullable(byId.get(Objects.requireNonNull(id, "id")));
    }

    @Override
    public synchronized Optional<SentMessage> findByEnvelopeId(String envelopeId) {
        return Optional.ofNullable(byEnvelopeId.get(Objects.requireNonNull(envelopeId, "envelopeId"))).map(byId::get);
    }

    @Override
    public synchronized Optional<SentMessage> findByVerpToken(String verpToken) {
        return Optional.ofNullable(byVerpToken.get(Objects.requireNonNull(verpToken, "verpToken"))).map(byId::get);
    }

    @Override
    public synchronized List<SentMessage> findByMessageId(String messageId) {
        return newestFirst(byMessageId.getOrDefault(Objects.requireNonNull(messageId, "messageId"), List.of()));
    }

    @Override
    public synchronized List<SentMessage> findByQueueId(String queueId) {
        return newestFirst(byQueueId.getOrDefault(Objects.requireNonNull(queueId, "queueId"), List.of()));
    }

    private List<SentMessage> newestFirst(List<String> ids) {
        List<SentMessage> sends = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) sends.add(byId.get(ids.get(i)));
        return sends;
    }

    @Override
    public synchronized FateUpdate update(ReportedFate change) {
        Objects.requireNonNull(change, "change");
        SentMessage message = byId.get(change.sendId());
        if (message == null) return new FateUpdate.NotFound();
        Optional<TrackedRecipient> found = message.recipients().stream()
                .filter(r -> r.address().equalsIgnoreCase(change.recipient())).findFirst();
        if (found.isEmpty()) return new FateUpdate.NotFound();
        TrackedRecipient recipient = found.get();
        if (recipient.hasSeen(change.noticeId())) return new FateUpdate.Duplicate(message, recipient);
        boolean moves = recipient.fate().allows(change.fate());
        TrackedRecipient after = recipient.after(moves ? change.fate() : recipient.fate(), change.noticeId());
        SentMessage updated = message.with(after);
        byId.put(updated.id(), updated);
        return moves ? new FateUpdate.Applied(updated, recipient.fate(), after) : new FateUpdate.Kept(updated, after);
    }

    @Override
    public synchronized List<SentMessage> unresolved(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        List<SentMessage> open = new ArrayList<>();
        for (Iterator<SentMessage> it = byId.values().iterator(); it.hasNext() && open.size() < limit; ) {
            SentMessage m = it.next();
            if (m.isUnresolved()) open.add(m);
        }
        return open;
    }

    /** The sends last recorded, newest first. */
    @Override
    public synchronized List<SentMessage> recent(int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        List<SentMessage> all = new ArrayList<>(byId.values());
        List<SentMessage> latest = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && latest.size() < limit; i--) latest.add(all.get(i));
        return latest;
    }

    private void evict(String id) {
        SentMessage old = byId.remove(id);
        old.envelopeId().ifPresent(e -> byEnvelopeId.remove(e, id));
        old.verpToken().ifPresent(t -> byVerpToken.remove(t, id));
        old.messageId().ifPresent(m -> unindex(byMessageId, m, id));
        old.queueId().ifPresent(q -> unindex(byQueueId, q, id));
    }

    private static void unindex(Map<String, List<String>> index, String key, String id) {
        List<String> ids = index.get(key);
        ids.remove(id);
        if (ids.isEmpty()) index.remove(key);
    }
}
