package vn.nhan.features;

import java.util.Arrays;

/**
 * Counts the n-gram keys of one document. The keys and their counts sit in arrays in the order
 * they were first seen; a small open-addressing table of indices into them finds a key again, so
 * the table stays in the first-level cache and reading the result out is two array copies. Not
 * thread-safe: one counter per document.
 */
final class NGramCounter {
    private int[] slots; // 0 = empty, else index + 1 into keys and counts
    private int mask;
    private long[] keys;
    private int[] counts;
    private int size;

    NGramCounter(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new int[capacity];
        mask = capacity - 1;
        keys = new long[Math.max(16, expected)];
        counts = new int[keys.length];
    }

    /** Counts one occurrence of {@code key}. */
    void add(long key) {
        index(key);
    }

    /** Counts one occurrence of {@code key} and returns its index in the order first seen. */
    int index(long key) {
        int slot = slot(key);
        while (true) {
            int s = slots[slot];
            if (s == 0) {
                insert(slot, key);
                return size - 1;
            }
            if (keys[s - 1] == key) {
                counts[s - 1]++;
                return s - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** The distinct keys, in the order first seen, and their counts. */
    NGramCounts toCounts() {
        return new NGramCounts(Arrays.copyOf(keys, size), Arrays.copyOf(counts, size));
    }

    private void insert(int slot, long key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        keys[size] = key;
        counts[size] = 1;
        slots[slot] = ++size;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            int slot = slot(keys[i]);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }
}
