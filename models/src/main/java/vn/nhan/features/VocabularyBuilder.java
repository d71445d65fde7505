package vn.nhan.features;

import java.util.List;

/**
 * Fits a {@link Vocabulary} on training documents only: counts document frequencies, applies the
 * cut-offs of {@link FeatureConfig}, keeps the most frequent keys up to the cap and computes
 * smoothed IDF, {@code ln((1 + N) / (1 + df)) + 1}. Deterministic: ids follow (df desc, key asc).
 */
public final class VocabularyBuilder {
    private VocabularyBuilder() {
    }

    /** Fits on the n-gram counts of each training document. */
    public static FeatureExtractor fit(List<NGramCounts> documentKeys, FeatureConfig config) {
        DocumentFrequencies frequencies = new DocumentFrequencies();
        documentKeys.forEach(frequencies::add);
        return fit(frequencies, config);
    }

    /** Fits on document frequencies counted over the training documents. */
    public static FeatureExtractor fit(DocumentFrequencies frequencies, FeatureConfig config) {
        if (frequencies.documents() == 0) {
            throw new IllegalArgumentException("cannot fit a vocabulary on an empty corpus");
        }
        LongIntMap df = frequencies.map();
        int n = frequencies.documents();
        int maxDf = n >= 20 ? (int) Math.floor(config.maxDfRatio() * n) : n;
        int minDf = Math.max(1, config.minDf());
        // Keys by document frequency, most frequent first, in primitive buckets (one per df value):
        // only the buckets down to the one that fills the cap are filled and sorted.
        int[] perDf = new int[maxDf + 2];
        df.forEach((key, count) -> {
            if (count >= minDf && count <= maxDf) {
                perDf[count]++;
            }
        });
        int lowest = maxDf + 1;
        long taken = 0;
        while (lowest > minDf && taken < config.maxFeatures()) {
            lowest--;
            taken += perDf[lowest];
        }
        int[] start = new int[maxDf + 2];
        for (int d = maxDf - 1; d >= lowest; d--) {
            start[d] = start[d + 1] + perDf[d + 1];
        }
        long[] ordered = new long[(int) taken];
        int[] next = start.clone();
        int cut = lowest;
        df.forEach((key, count) -> {
            if (count >= cut && count <= maxDf && count >= minDf) {
                ordered[next[count]++] = key;
            }
        });
        for (int d = maxDf; d >= lowest; d--) {
            java.util.Arrays.sort(ordered, start[d], start[d] + perDf[d]);
        }
        int size = (int) Math.min(taken, config.maxFeatures());
        long[] keys = java.util.Arrays.copyOf(ordered, size);
        float[] idf = new float[size];
        for (int d = maxDf, i = 0; d >= lowest && i < size; d--) {
            for (int k = 0; k < perDf[d] && i < size; k++, i++) {
                idf[i] = (float) (Math.log((1.0 + n) / (1.0 + d)) + 1.0);
            }
        }
        return new FeatureExtractor(config, new Vocabulary(keys, idf));
    }
}
