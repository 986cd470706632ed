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
 * {@link #add(Object)} and {@link #snapshot()} with its lock; snapshots are immutable and safe to share once
 * published.
 */
public final class AppendOnlyList<T> {

    private static final int CHUNK = 256;

    private final List<Object[]> chunks = new ArrayList<>();
    private int size;

    /**
     * Appends an element.
     *
     * @param element the element
     */
    public void add(T element) {
        Objects.requireNonNull(element, "element");
        if (size % CHUNK == 0) {
            chunks.add(new Object[CHUNK]);
        }
        chunks.get(size / CHUNK)[size % CHUNK] = element;
        size++;
    }

    /**
     * An immutable view of the elements added so far; later additions do not show in it.
     *
     * @return the snapshot
     */
    public List<T> snapshot() {
        return new Prefix<>(chunks.toArray(new Object[0][]), size);
    }

    /**
     * Returns the list itself when it is a snapshot of an {@code AppendOnlyList} (already immutable), else an
     * immutable copy.
     *
     * @param list the list
     * @param <E> the element type
     * @return an immutable list with the same elements
     */
    public static <E> List<E> immutable(List<E> list) {
        return list instanceof Prefix ? list : List.copyOf(list);
    }

    /** The first {@code size} elements, over chunks that are never written again below that size. */
    private static final class Prefix<T> extends AbstractList<T> implements RandomAccess {

        private final Object[][] chunks;
        private final int size;

        Prefix(Object[][] chunks, int size) {
            this.chunks = chunks;
            this.size = size;
        }

        @Override
        @SuppressWarnings("unchecked") // only add(T) writes the chunks
        public T get(int index) {
            Objects.checkIndex(index, size);
            return (T) chunks[index / CHUNK][index % CHUNK];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
