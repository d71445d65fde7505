package vn.nhan.model;

import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.features.ArticleNGrams;
import vn.nhan.features.NGramCounts;

/**
 * The documents cross-validation uses, their n-grams extracted once, whole and by passage
 * (out-of-fold passage scores need them), shared by every fold; with their gold label rows.
 * {@link #gold(java.util.List, Taxonomy, TrainingConfig)} checks that every label is known and has
 * enough examples.
 */
final class TrainingSet {
    private final ArticleNGrams[] articles;
    private final boolean[][] gold;

    private TrainingSet(ArticleNGrams[] articles, boolean[][] gold) {
        this.articles = articles;
        this.gold = gold;
    }

    /** The documents whose n-grams (whole and by passage) are {@code articles}, with their gold rows. */
    static TrainingSet of(ArticleNGrams[] articles, boolean[][] gold) {
        return new TrainingSet(articles, gold);
    }

    /** The whole-article n-gram counts of document {@code i}. */
    NGramCounts keys(int i) {
        return articles[i].whole();
    }

    /** Document {@code i}'s n-grams with its passages'. */
    ArticleNGrams article(int i) {
        return articles[i];
    }

    boolean[][] gold() {
        return gold;
    }

    int size() {
        return gold.length;
    }

    /** Gold rows of {@code documents}, after checking every label is in the taxonomy and has enough examples. */
    static boolean[][] gold(java.util.List<Document> documents, Taxonomy taxonomy, TrainingConfig config) {
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
        return gold;
    }
}
