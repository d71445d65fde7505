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
        return vectorize(ngramCounts(title, text, config));
    }

    /** The n-grams of the article (title and text, normalised) with their counts. */
    public static NGramCounts ngramCounts(String title, String text, FeatureConfig config) {
        Objects.requireNonNull(text, "text must not be null");
        String normalized = TextNormalizer.standard().normalize(joined(title, text));
        LongIntMap counts = new LongIntMap(normalized.length());
        new NGramHasher(config).emit(SyllableTokenizer.segments(normalized), (key, segment, start, n, stripped) -> counts.add(key, 1));
        return NGramCounts.from(counts);
    }

    /** TF-IDF features from n-gram counts; n-grams outside the vocabulary are ignored. */
    public SparseVector vectorize(NGramCounts counts) {
        long[] keys = counts.keys();
        int[] ids = new int[keys.length];
        float[] values = new float[keys.length];
        int count = 0;
        for (int i = 0; i < keys.length; i++) {
            long entry = vocabulary.entry(keys[i]);
            if (entry != Vocabulary.MISSING) {
                ids[count] = Vocabulary.entryId(entry);
                values[count] = (float) ((1 + Math.log(counts.counts()[i])) * Vocabulary.entryIdf(entry));
                count++;
            }
        }
        return normalized(ids, values, count);
    }

    /**
     * For explanations: the text of each feature id the article contains, as written (an n-gram of
     * the accent-stripped view shows the syllables it came from).
     */
    public Map<Integer, String> terms(String title, String text) {
        String normalized = TextNormalizer.standard().normalize(joined(title, text));
        Map<Integer, String> terms = new HashMap<>();
        new NGramHasher(config).emit(SyllableTokenizer.segments(normalized), (key, segment, start, n, stripped) -> {
            int id = vocabulary.id(key);
            if (id >= 0) {
                terms.putIfAbsent(id, NGramHasher.text(segment, start, n, false));
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

    /** Convenience for tests and small corpora: fit on texts and extract in one go. */
    public static FeatureExtractor fit(List<String> texts, FeatureConfig config) {
        return VocabularyBuilder.fit(texts.stream().map(t -> ngramCounts(null, t, config)).toList(), config);
    }
}
