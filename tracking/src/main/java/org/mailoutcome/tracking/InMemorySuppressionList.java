package org.mailoutcome.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.mailoutcome.SuppressionKind;

/**
 * A {@link SuppressionList} in memory: thread-safe (one lock), lost when the process ends, for tests and for
 * applications with one instance that can afford to forget. Unbounded: an entry costs a few hundred bytes.
 */
public final class InMemorySuppressionList implements SuppressionList {
    private final SuppressionPolicy policy;
    private final TreeMap<String, Suppression> entries = new TreeMap<>();
    private final Map<String, Map<String, SoftBounce>> soft = new HashMap<>();

    /** A list with {@link SuppressionPolicy#defaults()}. */
    public InMemorySuppressionList() {
        this(SuppressionPolicy.defaults());
    }

    /**
     * A list with a policy.
     *
     * @param policy the policy
     */
    public InMemorySuppressionList(SuppressionPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    @Override
    public SuppressionPolicy policy() {
        return policy;
    }

    @Override
    public synchronized Map<String, Suppression> check(Collection<String> addresses, Instant now) {
        Objects.requireNonNull(now, "now");
        Map<String, Suppression> found = new LinkedHashMap<>();
        for (String address : addresses) {
            String key = Addresses.key(address);
            Suppression entry = entries.get(key);
            if (entry != null && entry.isActiveAt(now)) found.put(key, entry);
        }
        return found;
    }

    @Override
    public synchronized Optional<Suppression> find(String address) {
        return Optional.ofNullable(entries.get(Addresses.key(address)));
    }

    @Override
    public synchronized SuppressionChange keep(Suppression proposed, Instant now) {
        Optional<Suppression> current = Optional.ofNullable(entries.get(proposed.address()));
        if (!policy.replaces(current, proposed, now)) return new SuppressionChange.AlreadySuppressed(current.get());
        entries.put(proposed.address(), proposed);
        return new SuppressionChange.Suppressed(proposed);
    }

    @Override
    public synchronized List<SoftBounce> count(SoftBounce bounce) {
        Map<String, SoftBounce> bounces = soft.computeIfAbsent(bounce.address(), k -> new LinkedHashMap<>());
        bounces.putIfAbsent(bounce.cause().key(), bounce);
        Instant forgotten = bounce.at().minus(policy.softBounceWindow());
        bounces.values().removeIf(b -> b.at().isBefore(forgotten));
        return softBounces(bounce.address());
    }

    @Override
    public synchronized SuppressionChange.Cleared clearSoftBounces(String address) {
        String key = Addresses.key(address);
        Map<String, SoftBounce> bounces = soft.remove(key);
        Suppression entry = entries.get(key);
        boolean lifted = entry != null && entry.kind() == SuppressionKind.SOFT_BOUNCES;
        if (lifted) entries.remove(key);
        return new SuppressionChange.Cleared(bounces == null ? 0 : bounces.size(), lifted);
    }

    @Override
    public synchronized void put(Suppression entry) {
        entries.put(entry.address(), entry);
    }

    @Override
    public synchronized boolean remove(String address) {
        String key = Addresses.key(address);
        boolean removed = entries.remove(key) != null;
        return soft.remove(key) != null || removed;
    }

    @Override
    public synchronized List<Suppression> list(Instant now, Optional<String> after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        Map<String, Suppression> tail = after.isPresent() ? entries.tailMap(Addresses.key(after.get()), false) : entries;
        return tail.values().stream().filter(e -> e.isActiveAt(now)).limit(limit).toList();
    }

    @Override
    public void export(Consumer<Suppression> each) {
        List<Suppression> all;
        synchronized (this) {
            all = new ArrayList<>(entries.values());
        }
        all.forEach(each);
    }

    @Override
    public synchronized List<SoftBounce> softBounces(String address) {
        Map<String, SoftBounce> bounces = soft.getOrDefault(Addresses.key(address), Map.of());
        return bounces.values().stream().sorted(Comparator.comparing(SoftBounce::at)).toList();
    }
}
