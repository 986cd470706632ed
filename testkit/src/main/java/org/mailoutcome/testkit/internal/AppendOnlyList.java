package org.mailoutcome.testkit.internal;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A list that only grows, in fixed-size chunks, whose snapshots share its storage: a snapshot costs one reference
 * per 256 elements however long the list is. Each message of a long session holds a snapshot of that session, so
 * copying the whole transcript per message would cost quadratic time and memory. Not thread-safe: the owner guards
 * {@link #add(String)} and {@link #snapshot()} with its lock; snapshots are immutable and safe to share once
 * published.
 */
public final class AppendOnlyList {

    private static final int CHUNK = 256;

    private final List<String[]> chunks = new ArrayList<>();
    private int size;

    /**
     * Appends an element.
     *
     * @param element the element
     */
    public void add(String element) {
        Objects.requireNonNull(element, "element");
        if (size % CHUNK == 0) {
            chunks.add(new String[CHUNK]);
        }
        chunks.get(size / CHUNK)[size % CHUNK] = element;
        size++;
    }

    /**
     * An immutable view of the elements added so far; later additions do not show in it.
     *
     * @return the snapshot
     */
    public List<String> snapshot() {
        return new Prefix(chunks.toArray(new String[0][]), size);
    }

    /**
     * Returns the list itself when it is a snapshot of an {@code AppendOnlyList} (already immutable), else an
     * immutable copy.
     *
     * @param list the list
     * @return an immutable list with the same elements
     */
    public static List<String> immutable(List<String> list) {
        return list instanceof Prefix ? list : List.copyOf(list);
    }

    /** The first {@code size} elements, over chunks that are never written again below that size. */
    private static final class Prefix extends AbstractList<String> implements RandomAccess {

        private final String[][] chunks;
        private final int size;

        Prefix(String[][] chunks, int size) {
            this.chunks = chunks;
            this.size = size;
        }

        @Override
        public String get(int index) {
            Objects.checkIndex(index, size);
            return chunks[index / CHUNK][index % CHUNK];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
