package vn.nhan.features;

import vn.nhan.text.TrackedText;

/**
 * The features of one article, extracted once: the whole article's TF-IDF vector and one vector
 * per passage, each L2-normalised on its own. {@code ngrams} is what they were computed from
 * (passage ranges, and occurrences when explaining); {@code keyIds} gives the vocabulary id of each
 * of the article's distinct keys (-1 when the key is not in the vocabulary); {@code tracked}, the
 * normalised text with the raw offset of each character, is there only when explaining.
 * {@code wholeKeys} and {@code passageKeys[p]} give, for each entry of the whole-article and passage
 * vectors, the index of its key among the article's distinct keys: scoring gathers each key's
 * model weights once and reads them from there for every passage.
 */
public record ArticleFeatures(SparseVector whole, SparseVector[] passages, ArticleNGrams ngrams, int[] keyIds, TrackedText tracked,
                              int[] wholeKeys, int[][] passageKeys) {
    public int passageCount() {
        return passages.length;
    }
}
