package vn.nhan.model;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import vn.nhan.data.Document;
import vn.nhan.features.ArticleNGrams;
import vn.nhan.features.DocumentFrequencies;
import vn.nhan.features.FeatureExtractor;
import vn.nhan.features.NGramCounts;
import vn.nhan.features.SparseVector;
import vn.nhan.features.VocabularyBuilder;

/**
 * The training corpus read for features in one streaming pass: the document frequencies of every
 * n-gram over all documents (what the final vocabulary is fitted on) and, for the documents
 * cross-validation uses, their n-grams whole and by passage ({@link #sample()}, shared by all
 * folds). The other documents' n-grams are counted and dropped, so memory holds one chunk of them
 * at a time; {@link #vectors} extracts every document again once the final vocabulary is known,
 * straight into its TF-IDF rows (a second extraction costs less than holding every article's
 * n-grams: about 13 KB an article, 450 MB for VNTC's 33,759).
 */
final class CorpusFeatures {
    /** Documents extracted in parallel at a time, while the previous chunk's frequencies are counted. */
    private static final int CHUNK = 2048;
    private final List<Document> documents;
    private final TrainingConfig config;
    private DocumentFrequencies frequencies;
    private TrainingSet sample;

    private CorpusFeatures(List<Document> documents, TrainingConfig config, DocumentFrequencies frequencies, TrainingSet sample) {
        this.documents = documents;
        this.config = config;
        this.frequencies = frequencies;
        this.sample = sample;
    }

    /** Reads {@code documents}; the rows {@code sample} (ascending) keep their n-grams for cross-validation. */
    static CorpusFeatures read(List<Document> documents, boolean[][] gold, int[] sample, TrainingConfig config, ProgressListener progress) {
        int[] sampleIndex = new int[documents.size()];
        java.util.Arrays.fill(sampleIndex, -1);
        for (int s = 0; s < sample.length; s++) {
            sampleIndex[sample[s]] = s;
        }
        ArticleNGrams[] kept = new ArticleNGrams[sample.length];
        DocumentFrequencies frequencies = new DocumentFrequencies();
        AtomicInteger done = new AtomicInteger();
        CompletableFuture<NGramCounts[]> pending = extract(documents, 0, sampleIndex, kept, config, done, progress);
        for (int from = 0; from < documents.size(); from += CHUNK) {
            NGramCounts[] chunk = pending.join();
            int next = from + CHUNK;
            pending = next < documents.size() ? extract(documents, next, sampleIndex, kept, config, done, progress) : null;
            for (NGramCounts counts : chunk) {
                frequencies.add(counts);
            }
        }
        boolean[][] sampleGold = new boolean[sample.length][];
        for (int s = 0; s < sample.length; s++) {
            sampleGold[s] = gold[sample[s]];
        }
        return new CorpusFeatures(documents, config, frequencies, TrainingSet.of(kept, sampleGold));
    }

    private static CompletableFuture<NGramCounts[]> extract(List<Document> documents, int from, int[] sampleIndex, ArticleNGrams[] kept,
                                                            TrainingConfig config, AtomicInteger done, ProgressListener progress) {
        int to = Math.min(documents.size(), from + CHUNK);
        return CompletableFuture.supplyAsync(() -> {
            NGramCounts[] chunk = new NGramCounts[to - from];
            IntStream.range(from, to).parallel().forEach(i -> {
                Document d = documents.get(i);
                int s = sampleIndex[i];
                if (s >= 0) {
                    kept[s] = FeatureExtractor.articleNGrams(d.title(), d.text(), config.features(), config.passages());
                    chunk[i - from] = kept[s].whole();
                } else {
                    chunk[i - from] = FeatureExtractor.ngramCounts(d.title(), d.text(), config.features());
                }
                int count = done.incrementAndGet();
                if (count % 1000 == 0 || count == documents.size()) {
                    progress.step("documents read", count, documents.size());
                }
            });
            return chunk;
        });
    }

    /** The cross-validation sample's n-grams and gold rows (until {@link #finalFeatures}). */
    TrainingSet sample() {
        return sample;
    }

    /**
     * The final vocabulary, fitted on all documents' frequencies; releases them and the sample,
     * which the final models do not need.
     */
    FeatureExtractor finalFeatures() {
        FeatureExtractor features = VocabularyBuilder.fit(frequencies, config.features()).withPassages(config.passages());
        frequencies = null;
        sample = null;
        return features;
    }

    /** Every document's TF-IDF row under {@code features}, ids ascending, its n-grams extracted again. */
    List<SparseVector> vectors(FeatureExtractor features) {
        SparseVector[] rows = new SparseVector[documents.size()];
        IntStream.range(0, documents.size()).parallel().forEach(i -> {
            Document d = documents.get(i);
            rows[i] = features.extract(d.title(), d.text()).sortedById();
        });
        return java.util.Arrays.asList(rows);
    }
}
