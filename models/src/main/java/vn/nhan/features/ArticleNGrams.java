package vn.nhan.features;

import vn.nhan.passage.Passages;

/**
 * The n-grams of one article, counted once: the whole article's distinct keys and counts, and for
 * each passage the keys it holds (as indices into the whole article's keys) with their counts in
 * that passage. Passage {@code p} owns entries {@code offsets[p] .. offsets[p + 1]} of
 * {@code keyIndex} and {@code counts}. {@code occurrences} is kept only to explain a prediction.
 */
public record ArticleNGrams(NGramCounts whole, Passages passages, int[] offsets, int[] keyIndex, int[] counts,
                            NGramOccurrences occurrences) {
    public ArticleNGrams {
        if (offsets.length != passages.size() + 1 || keyIndex.length != counts.length) {
            throw new IllegalArgumentException("passage n-gram arrays do not match " + passages.size() + " passages");
        }
    }

    public int passageCount() {
        return passages.size();
    }
}
