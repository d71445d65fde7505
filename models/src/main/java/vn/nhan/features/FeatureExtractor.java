package vn.nhan.features;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.nhan.passage.PassageConfig;
import vn.nhan.passage.PassageSplitter;
import vn.nhan.passage.Passages;
import vn.nhan.text.TextNormalizer;
import vn.nhan.text.TrackedText;

/**
 * The one path from text to features, shared by training and serving: normalise, split into
 * syllables, hash n-grams of both views, look them up in the vocabulary and weight them by
 * sublinear TF-IDF, L2-normalised. The same pass cuts the article into passages and counts each
 * n-gram occurrence for its passage too, so passage vectors cost no second reading of the text.
 * Immutable and thread-safe.
 */
public final class FeatureExtractor {
    private final FeatureConfig config;
    private final Vocabulary vocabulary;
    private final PassageConfig passages;

    public FeatureExtractor(FeatureConfig config, Vocabulary vocabulary) {
        this(config, vocabulary, PassageConfig.defaults());
    }

    public FeatureExtractor(FeatureConfig config, Vocabulary vocabulary, PassageConfig passages) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary must not be null");
        this.passages = Objects.requireNonNull(passages, "passages must not be null");
    }

    public PassageConfig passages() {
        return passages;
    }

    /** The same extractor with other passage settings. */
    public FeatureExtractor withPassages(PassageConfig newPassages) {
        return new FeatureExtractor(config, vocabulary, newPassages);
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

    /**
     * The features of the whole article and of each passage, from one pass over the text; with
     * {@code explain}, also where each n-gram occurs and the raw offset of each normalised character.
     */
    public ArticleFeatures extractArticle(String title, String text, boolean explain) {
        return extractArticle(title, text, explain, true);
    }

    /** As {@link #extractArticle(String, String, boolean)}; without {@code withPassages} (and not explaining), the whole article only. */
    public ArticleFeatures extractArticle(String title, String text, boolean explain, boolean withPassages) {
        Objects.requireNonNull(text, "text must not be null");
        String raw = articleText(title, text);
        if (!explain) {
            String normalized = TextNormalizer.standard().normalize(raw);
            return vectorize(articleNGrams(normalized, hasTitle(title), config, withPassages ? passages : null, false), null);
        }
        TrackedText tracked = TextNormalizer.standard().normalizeTracked(raw);
        return vectorize(articleNGrams(tracked.text(), hasTitle(title), config, passages, true), tracked);
    }

    /** The n-grams of the article and of its passages, counted in one pass (what training keeps). */
    public static ArticleNGrams articleNGrams(String title, String text, FeatureConfig config, PassageConfig passages) {
        Objects.requireNonNull(text, "text must not be null");
        String normalized = TextNormalizer.standard().normalize(articleText(title, text));
        return articleNGrams(normalized, hasTitle(title), config, passages, false);
    }

    static ArticleNGrams articleNGrams(String normalized, boolean titleLine, FeatureConfig config, PassageConfig passageConfig,
                                       boolean keepOccurrences) {
        Passages passages = passageConfig == null ? Passages.NONE : new PassageSplitter(passageConfig).split(normalized, titleLine);
        PassageCounter counter = new PassageCounter(normalized.length() / 2, passages, keepOccurrences);
        new NGramHasher(config).emit(normalized, counter);
        return counter.finish();
    }

    private static boolean hasTitle(String title) {
        return title != null && !title.isBlank();
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
        return vector(entries(counts.keys()), null, counts.counts(), 0, counts.size(), null);
    }

    /** The whole-article and passage vectors of an article's n-grams; the vocabulary is read once per distinct key. */
    public ArticleFeatures vectorize(ArticleNGrams ngrams) {
        return vectorize(ngrams, null);
    }

    private ArticleFeatures vectorize(ArticleNGrams ngrams, TrackedText tracked) {
        NGramCounts whole = ngrams.whole();
        long[] entries = entries(whole.keys());
        SparseVector[] passageVectors = new SparseVector[ngrams.passageCount()];
        int[][] passageKeys = new int[passageVectors.length][];
        for (int p = 0; p < passageVectors.length; p++) {
            int from = ngrams.offsets()[p];
            int to = ngrams.offsets()[p + 1];
            passageKeys[p] = new int[to - from];
            passageVectors[p] = vector(entries, ngrams.keyIndex(), ngrams.counts(), from, to, passageKeys[p]);
        }
        int[] keyIds = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            keyIds[i] = entries[i] == Vocabulary.MISSING ? -1 : Vocabulary.entryId(entries[i]);
        }
        int[] wholeKeys = new int[whole.size()];
        SparseVector wholeVector = vector(entries, null, whole.counts(), 0, whole.size(), wholeKeys);
        return new ArticleFeatures(wholeVector, passageVectors, ngrams, keyIds, tracked, trim(wholeKeys, wholeVector), trim(passageKeys, passageVectors));
    }

    private long[] entries(long[] keys) {
        long[] entries = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            entries[i] = vocabulary.entry(keys[i]);
        }
        return entries;
    }

    private static int[] trim(int[] keys, SparseVector v) {
        return keys.length == v.size() ? keys : Arrays.copyOf(keys, v.size());
    }

    private static int[][] trim(int[][] keys, SparseVector[] v) {
        for (int p = 0; p < keys.length; p++) {
            keys[p] = trim(keys[p], v[p]);
        }
        return keys;
    }

    /**
     * The TF-IDF vector of entries {@code from..to}: key {@code index[k]} (or {@code k} when
     * {@code index} is null) occurring {@code tf[k]} times. When {@code keysOut} is given, it
     * receives the article key index of each entry of the vector, in the same order.
     */
    private static SparseVector vector(long[] entries, int[] index, int[] tf, int from, int to, int[] keysOut) {
        int length = to - from;
        int[] ids = new int[length];
        float[] values = new float[length];
        int count = 0;
        double norm = 0;
        for (int k = from; k < to; k++) {
            int key = index == null ? k : index[k];
            long entry = entries[key];
            if (entry != Vocabulary.MISSING) {
                float value = sublinearTf(tf[k]) * Vocabulary.entryIdf(entry);
                if (keysOut != null) {
                    keysOut[count] = key;
                }
                ids[count] = Vocabulary.entryId(entry);
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
        return count == length ? new SparseVector(ids, values) : new SparseVector(Arrays.copyOf(ids, count), Arrays.copyOf(values, count));
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

    /** The text an article's features come from: its title (when given) and its text, on separate lines. */
    public static String articleText(String title, String text) {
        return title == null || title.isBlank() ? text : title + "\n" + text;
    }

    /** Convenience for tests and small corpora: fit on texts and extract in one go. */
    public static FeatureExtractor fit(List<String> texts, FeatureConfig config) {
        return VocabularyBuilder.fit(texts.stream().map(t -> ngramCounts(null, t, config)).toList(), config);
    }
}
