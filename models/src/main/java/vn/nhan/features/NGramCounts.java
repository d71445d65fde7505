package vn.nhan.features;

import java.util.Arrays;

/**
 * The distinct n-gram keys of one document and how often each occurs, in the order first seen:
 * what both vocabulary fitting (document frequencies) and TF-IDF weighting need.
 */
public record NGramCounts(long[] keys, int[] counts) {
    public NGramCounts {
        if (keys.length != counts.length) {
            throw new IllegalArgumentException("keys and counts differ in length: " + keys.length + " vs " + counts.length);
        }
    }

    /** Counts the occurrences in {@code keys} (one entry per occurrence, any order). */
    public static NGramCounts of(long... keys) {
        NGramCounter counter = new NGramCounter(keys.length);
        for (long k : keys) {
            counter.add(k);
        }
        return counter.toCounts();
    }

    public int size() {
        return keys.length;
    }

    /** Every key once per occurrence, sorted: a canonical form for comparing documents. */
    public long[] sortedKeys() {
        int total = Arrays.stream(counts).sum();
        long[] out = new long[total];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                out[k++] = keys[i];
            }
        }
        Arrays.sort(out);
        return out;
    }
}
