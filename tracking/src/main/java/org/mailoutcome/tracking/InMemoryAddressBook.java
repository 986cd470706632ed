package org.mailoutcome.tracking;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** An {@link AddressBook} in memory: thread-safe (one lock), lost when the process ends, unbounded. */
public final class InMemoryAddressBook implements AddressBook {
    private final TreeMap<String, MovedAddress> entries = new TreeMap<>();

    /** An empty book. */
    public InMemoryAddressBook() {
    }

    @Override
    public synchronized Map<String, MovedAddress> lookup(Collection<String> addresses) {
        Map<String, MovedAddress> found = new LinkedHashMap<>();
        for (String address : addresses) {
            String key = Addresses.key(address);
            MovedAddress moved = entries.get(key);
            if (moved != null) found.put(key, moved);
        }
        return found;
    }

    @Override
    public synchronized Optional<MovedAddress> find(String oldAddress) {
        return Optional.ofNullable(entries.get(Addresses.key(oldAddress)));
    }

    @Override
    public synchronized boolean learn(MovedAddress moved) {
        Objects.requireNonNull(moved, "moved");
        MovedAddress known = entries.get(moved.oldAddress());
        if (known != null && known.newAddress().equals(moved.newAddress())) return false;
        entries.put(moved.oldAddress(), moved);
        return true;
    }

    @Override
    public synchronized List<MovedAddress> list(Optional<String> after, int limit) {
        if (limit < 1) throw new IllegalArgumentException("limit must be >= 1: " + limit);
        Map<String, MovedAddress> tail = after.isPresent() ? entries.tailMap(Addresses.key(after.get()), false) : entries;
        return tail.values().stream().limit(limit).toList();
    }

    @Override
    public synchronized boolean remove(String oldAddress) {
        return entries.remove(Addresses.key(oldAddress)) != null;
    }
}
