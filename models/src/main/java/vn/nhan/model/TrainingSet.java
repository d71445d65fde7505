package vn.nhan.model;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.features.ArticleNGrams;
import vn.nhan.features.FeatureExtractor;
import vn.nhan.features.NGramCounts;

/**
 * Documents ready for training: their n-grams, whole and by passage (computed once, in parallel),
 * and gold label rows. Checks that every label is known and has enough examples.
 */
record TrainingSet(List<ArticleNGrams> articles, boolean[][] gold) {

    /** The whole-article n-gram counts of document {@code i}. */
    NGramCounts keys(int i) {
        return articles.get(i).whole();
    }

    int size() {
        return gold.length;
    }

    /** The rows {@code indices}, in that order. */
    TrainingSet subset(int[] indices) {
        if (indices.length == gold.length) {
            return this;
        }
        List<ArticleNGrams> k = new java.util.ArrayList<>(indices.length);
        boolean[][] g = new boolean[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            k.add(articles.get(indices[i]));
            g[i] = gold[indices[i]];
        }
        return new TrainingSet(k, g);
    }

    static TrainingSet of(List<Document> documents, Taxonomy taxonomy, TrainingConfig config, ProgressListener progress) {
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("the training corpus is empty");
        }
        boolean[][] gold = new boolean[documents.size()][];
        int[] counts = new int[taxonomy.size()];
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            for (String label : d.labels()) {
                if (taxonomy.indexOf(label) < 0) {
                    throw new IllegalArgumentException(d.source() + ": label " + taxonomy.notInTaxonomy(label));
                }
            }
            gold[i] = taxonomy.encode(d.labels());
            for (int l = 0; l < counts.length; l++) {
                counts[l] += gold[i][l] ? 1 : 0;
            }
        }
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] < config.minExamplesPerLabel()) {
                throw new TooFewExamplesException(taxonomy.get(l).id(), counts[l], config.minExamplesPerLabel());
            }
        }
        if (documents.size() < config.folds()) {
            throw new IllegalArgumentException("the training corpus has " + documents.size() + " documents, fewer than the " + config.folds() + " cross-validation folds");
        }
        AtomicInteger done = new AtomicInteger();
        List<ArticleNGrams> keys = documents.parallelStream().map(d -> {
            ArticleNGrams k = FeatureExtractor.articleNGrams(d.title(), d.text(), config.features(), config.passages());
            int count = done.incrementAndGet();
            if (count % 1000 == 0 || count == documents.size()) {
                progress.step("documents read", count, documents.size());
            }
            return k;
        }).toList();
        return new TrainingSet(keys, gold);
    }
}
