package org.mailoutcome.providers.internal;

/**
 * A map from long keys to long values in two arrays (open addressing, linear probing, deletion by backward shift):
 * no object per entry, so a large replay guard costs the garbage collector nothing. It starts small and doubles,
 * keeping at least twice as many slots as entries. Key 0 marks an empty slot, so the caller never stores 0. Not
 * thread-safe; the replay guard locks around it.
 */
final class LongTable {
    private long[] keys = new long[16];
    private long[] values = new long[16];
    private int mask = 15;
    private int size;

    boolean contains(long key) {
        return keys[find(key)] == key;
    }

    /** Puts or replaces. */
    void put(long key, long value) {
        if ((size + 1) * 2 > keys.length) grow();
        int i = find(key);
        if (keys[i] != key) {
            keys[i] = key;
            size++;
        }
        values[i] = value;
    }

    /** Removes the key if present (and, when {@code onlyIf} is true, only if it maps to {@code value}). */
    void remove(long key, long value, boolean onlyIf) {
        int i = find(key);
        if (keys[i] != key || onlyIf && values[i] != value) return;
        keys[i] = 0;
        size--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (keys[j] == 0) return;
            int home = slot(keys[j]);
            boolean between = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!between) {
                keys[i] = keys[j];
                values[i] = values[j];
                keys[j] = 0;
                i = j;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int j = find(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    /** The slot holding the key, or the empty slot where it would go. */
    private int find(long key) {
        int i = slot(key);
        while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
        return i;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
