package vn.nhan.features;

/**
 * Where each n-gram of an article occurs: occurrence {@code i} is the key with index
 * {@code keyIndex[i]} (into the article's distinct keys), spanning normalised text
 * {@code [from[i], to[i])}, with {@code n[i]} syllables, in the accent-stripped view when
 * {@code stripped[i]}. For explanations only.
 */
public record NGramOccurrences(int[] keyIndex, int[] from, int[] to, byte[] n, boolean[] stripped) {
    public int size() {
        return keyIndex.length;
    }
}
