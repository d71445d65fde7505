package vn.nhan.features;

import java.util.Arrays;

/**
 * The distinct n-gram keys of one document and how often each occurs, in no particular order:
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
        LongIntMap map = new LongIntMap(Math.max(16, keys.length));
        for (long k : keys) {
            map.add(k, 1);
        }
        return from(map);
    }

    static NGramCounts from(LongIntMap map) {
        long[] keys = new long[map.size()];
        int[] counts = new int[map.size()];
        int[] i = {0};
        map.forEach((key, count) -> {
            keys[i[0]] = key;
            counts[i[0]++] = count;
        });
        return new NGramCounts(keys, counts);
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
