package vn.nhan.features;

import java.util.ArrayList;
import java.util.Comparator;
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
        if (documentKeys.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a vocabulary on an empty corpus");
        }
        LongIntMap df = documentFrequencies(documentKeys);
        int n = documentKeys.size();
        int maxDf = n >= 20 ? (int) Math.floor(config.maxDfRatio() * n) : n;
        List<long[]> kept = new ArrayList<>();
        df.forEach((key, count) -> {
            if (count >= config.minDf() && count <= maxDf) {
                kept.add(new long[] {key, count});
            }
        });
        kept.sort(Comparator.<long[]>comparingLong(e -> -e[1]).thenComparingLong(e -> e[0]));
        int size = Math.min(kept.size(), config.maxFeatures());
        long[] keys = new long[size];
        float[] idf = new float[size];
        for (int i = 0; i < size; i++) {
            keys[i] = kept.get(i)[0];
            idf[i] = (float) (Math.log((1.0 + n) / (1.0 + kept.get(i)[1])) + 1.0);
        }
        return new FeatureExtractor(config, new Vocabulary(keys, idf));
    }

    private static LongIntMap documentFrequencies(List<NGramCounts> documents) {
        LongIntMap df = new LongIntMap(1 << 16);
        for (NGramCounts document : documents) {
            for (long key : document.keys()) {
                df.add(key, 1);
            }
        }
        return df;
    }
}
