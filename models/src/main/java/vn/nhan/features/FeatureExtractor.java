package vn.nhan.features;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.nhan.text.SyllableTokenizer;
import vn.nhan.text.TextNormalizer;

/**
 * The one path from text to features, shared by training and serving: normalise, split into
 * syllables, hash n-grams of both views, look them up in the vocabulary and weight them by
 * sublinear TF-IDF, L2-normalised. Immutable and thread-safe.
 */
public final class FeatureExtractor {
    private final FeatureConfig config;
    private final Vocabulary vocabulary;

    public FeatureExtractor(FeatureConfig config, Vocabulary vocabulary) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary must not be null");
    }

    public FeatureConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public int dimension() {
        return vocabulary.size();
    }

    /** The features of one article; {@code title} may be null. */
    public SparseVector extract(String title, String text) {
        return vectorize(ngramKeys(title, text, config));
    }

    /** Every n-gram key of the article, sorted, with repeats (one per occurrence). */
    public static long[] ngramKeys(String title, String text, FeatureConfig config) {
        Objects.requireNonNull(text, "text must not be null");
        String normalized = TextNormalizer.standard().normalize(joined(title, text));
        KeyBuffer buffer = new KeyBuffer(normalized.length());
        new NGramHasher(config).emit(SyllableTokenizer.segments(normalized), (key, segment, start, n, stripped) -> buffer.add(key));
        long[] keys = buffer.toArray();
        Arrays.sort(keys);
        return keys;
    }

    /** TF-IDF features from sorted n-gram keys; keys outside the vocabulary are ignored. */
    public SparseVector vectorize(long[] sortedKeys) {
        int[] ids = new int[sortedKeys.length];
        float[] values = new float[sortedKeys.length];
        int count = 0;
        for (int i = 0; i < sortedKeys.length; ) {
            int j = i;
            while (j < sortedKeys.length && sortedKeys[j] == sortedKeys[i]) {
                j++;
            }
            int id = vocabulary.id(sortedKeys[i]);
            if (id >= 0) {
                ids[count] = id;
                values[count] = (float) ((1 + Math.log(j - i)) * vocabulary.idf(id));
                count++;
            }
            i = j;
        }
        return normalized(ids, values, count);
    }

    /** For explanations: the display text of each feature id the article contains. */
    public Map<Integer, String> terms(String title, String text) {
        String normalized = TextNormalizer.standard().normalize(joined(title, text));
        Map<Integer, String> terms = new HashMap<>();
        new NGramHasher(config).emit(SyllableTokenizer.segments(normalized), (key, segment, start, n, stripped) -> {
            int id = vocabulary.id(key);
            if (id >= 0) {
                terms.putIfAbsent(id, NGramHasher.text(segment, start, n, stripped));
            }
        });
        return terms;
    }

    private static String joined(String title, String text) {
        return title == null || title.isBlank() ? text : title + "\n" + text;
    }

    private static SparseVector normalized(int[] ids, float[] values, int count) {
        if (count == 0) {
            return SparseVector.EMPTY;
        }
        long[] packed = new long[count];
        for (int i = 0; i < count; i++) {
            packed[i] = ((long) ids[i] << 32) | (Float.floatToRawIntBits(values[i]) & 0xFFFFFFFFL);
        }
        Arrays.sort(packed);
        int[] sortedIds = new int[count];
        float[] sortedValues = new float[count];
        double norm = 0;
        for (int i = 0; i < count; i++) {
            sortedIds[i] = (int) (packed[i] >>> 32);
            sortedValues[i] = Float.intBitsToFloat((int) packed[i]);
            norm += sortedValues[i] * sortedValues[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < count; i++) {
            sortedValues[i] *= scale;
        }
        return new SparseVector(sortedIds, sortedValues);
    }

    /** A growable long array. */
    private static final class KeyBuffer {
        private long[] keys;
        private int size;

        KeyBuffer(int expected) {
            keys = new long[Math.max(16, expected)];
        }

        void add(long key) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size++] = key;
        }

        long[] toArray() {
            return Arrays.copyOf(keys, size);
        }
    }

    /** Convenience for tests and small corpora: fit on texts and extract in one go. */
    public static FeatureExtractor fit(List<String> texts, FeatureConfig config) {
        return VocabularyBuilder.fit(texts.stream().map(t -> ngramKeys(null, t, config)).toList(), config);
    }
}
