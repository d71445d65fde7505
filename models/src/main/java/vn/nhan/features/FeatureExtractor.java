package vn.nhan.features;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        String normalized = TextNormalizer.standard().normalize(articleText(title, text));
        NGramCounter counter = new NGramCounter(normalized.length() / 2);
        new NGramHasher(config).emit(normalized, (key, from, to, n, stripped) -> counter.add(key));
        return counter.toCounts();
    }

    /**
     * TF-IDF features from n-gram counts, sublinear term frequency ({@code 1 + ln tf}), L2-normalised;
     * n-grams outside the vocabulary are ignored. The vocabulary look-ups come first, in a loop of
     * their own, so that the processor can overlap their cache misses.
     */
    public SparseVector vectorize(NGramCounts counts) {
        long[] keys = counts.keys();
        int[] tf = counts.counts();
        long[] entries = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            entries[i] = vocabulary.entry(keys[i]);
        }
        int[] ids = new int[keys.length];
        float[] values = new float[keys.length];
        int count = 0;
        double norm = 0;
        for (int i = 0; i < keys.length; i++) {
            if (entries[i] != Vocabulary.MISSING) {
                float value = sublinearTf(tf[i]) * Vocabulary.entryIdf(entries[i]);
                ids[count] = Vocabulary.entryId(entries[i]);
                values[count++] = value;
                norm += value * value;
            }
        }
        if (count == 0) {
            return SparseVector.EMPTY;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < count; i++) {
            values[i] *= scale;
        }
        return count == keys.length ? new SparseVector(ids, values) : new SparseVector(Arrays.copyOf(ids, count), Arrays.copyOf(values, count));
    }

    private static final float[] SUBLINEAR_TF = new float[256];

    static {
        for (int tf = 1; tf < SUBLINEAR_TF.length; tf++) {
            SUBLINEAR_TF[tf] = (float) (1 + Math.log(tf));
        }
    }

    /** {@code 1 + ln tf}, from a table for the common small counts. */
    static float sublinearTf(int tf) {
        return tf < SUBLINEAR_TF.length ? SUBLINEAR_TF[tf] : (float) (1 + Math.log(tf));
    }

    /**
     * For explanations: the text of each feature id the article contains, as written after
     * normalisation (an n-gram of the accent-stripped view shows the syllables it came from; of the
     * n-grams sharing an id, the first).
     */
    public Map<Integer, String> terms(String title, String text) {
        String normalized = TextNormalizer.standard().normalize(articleText(title, text));
        Map<Integer, String> terms = new HashMap<>();
        new NGramHasher(config).emit(normalized, (key, from, to, n, stripped) -> {
            int id = vocabulary.id(key);
            if (id >= 0) {
                terms.putIfAbsent(id, normalized.substring(from, to));
            }
        });
        return terms;
    }

    /** The text an article's features come from: its title (when given) and its text, on separate lines. */
    public static String articleText(String title, String text) {
        return title == null || title.isBlank() ? text : title + "\n" + text;
    }

    /** Convenience for tests and small corpora: fit on texts and extract in one go. */
    public static FeatureExtractor fit(List<String> texts, FeatureConfig config) {
        return VocabularyBuilder.fit(texts.stream().map(t -> ngramCounts(null, t, config)).toList(), config);
    }
}
