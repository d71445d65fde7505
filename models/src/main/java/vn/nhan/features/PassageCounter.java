package vn.nhan.features;

import java.util.Arrays;
import vn.nhan.passage.Passages;

/**
 * Receives the n-gram occurrences of one article: counts each key for the whole article (first
 * seen order, as {@link NGramCounter}) and remembers which passage the occurrence starts in, then
 * groups the occurrences by passage into per-passage counts. Not thread-safe: one per article.
 */
final class PassageCounter implements NGramHasher.Sink {
    private final NGramCounter counter;
    private final Passages passages;
    private final boolean keepOccurrences;
    private int[] key;
    private int[] passage;
    private int[] from;
    private int[] to;
    private byte[] n;
    private boolean[] stripped;
    private int size;
    /** The passage of the last occurrence and its range: consecutive occurrences nearly always share it. */
    private int lastPassage = -1;
    private int lastStart = Integer.MAX_VALUE;
    private int lastEnd = Integer.MIN_VALUE;

    /** {@code expected}: about how many distinct keys; occurrences are about twice as many. */
    PassageCounter(int expected, Passages passages, boolean keepOccurrences) {
        this.counter = new NGramCounter(expected);
        this.passages = passages;
        this.keepOccurrences = keepOccurrences;
        int capacity = passages.size() == 0 && !keepOccurrences ? 0 : Math.max(256, expected * 2);
        key = new int[capacity];
        passage = new int[capacity];
        if (keepOccurrences) {
            from = new int[capacity];
            to = new int[capacity];
            n = new byte[capacity];
            stripped = new boolean[capacity];
        }
    }

    private int passageOf(int start) {
        if (start >= lastStart && start < lastEnd) {
            return lastPassage;
        }
        int p = Math.max(0, passages.indexOf(start));
        if (passages.size() > 0) {
            lastPassage = p;
            lastStart = passages.start(p);
            lastEnd = p + 1 < passages.size() ? passages.start(p + 1) : Integer.MAX_VALUE;
        }
        return p;
    }

    @Override
    public void accept(long k, int start, int end, int ngram, boolean strippedView) {
        if (!keepOccurrences && passages.size() == 0) {
            counter.index(k); // the whole article only: nothing to remember per occurrence
            return;
        }
        if (size == key.length) {
            grow();
        }
        key[size] = counter.index(k);
        passage[size] = passageOf(start);
        if (keepOccurrences) {
            from[size] = start;
            to[size] = end;
            n[size] = (byte) ngram;
            stripped[size] = strippedView;
        }
        size++;
    }

    private void grow() {
        int capacity = key.length * 2;
        key = Arrays.copyOf(key, capacity);
        passage = Arrays.copyOf(passage, capacity);
        if (keepOccurrences) {
            from = Arrays.copyOf(from, capacity);
            to = Arrays.copyOf(to, capacity);
            n = Arrays.copyOf(n, capacity);
            stripped = Arrays.copyOf(stripped, capacity);
        }
    }

    ArticleNGrams finish() {
        NGramCounts whole = counter.toCounts();
        int passageCount = passages.size();
        int[] offsets = new int[passageCount + 1];
        int[] keyIndex;
        int[] counts;
        if (passageCount == 0) {
            keyIndex = new int[0];
            counts = new int[0];
        } else {
            // occurrences by passage (a counting sort), then distinct keys within each passage
            int[] perPassage = new int[passageCount + 1];
            for (int i = 0; i < size; i++) {
                perPassage[passage[i] + 1]++;
            }
            for (int p = 0; p < passageCount; p++) {
                perPassage[p + 1] += perPassage[p];
            }
            int[] sorted = new int[size];
            int[] fill = Arrays.copyOf(perPassage, passageCount);
            for (int i = 0; i < size; i++) {
                sorted[fill[passage[i]]++] = key[i];
            }
            int[] seenIn = new int[whole.size()];
            int[] position = new int[whole.size()];
            keyIndex = new int[size];
            counts = new int[size];
            int distinct = 0;
            for (int p = 0; p < passageCount; p++) {
                offsets[p] = distinct;
                for (int i = perPassage[p]; i < perPassage[p + 1]; i++) {
                    int k = sorted[i];
                    if (seenIn[k] == p + 1) {
                        counts[position[k]]++;
                    } else {
                        seenIn[k] = p + 1;
                        position[k] = distinct;
                        keyIndex[distinct] = k;
                        counts[distinct++] = 1;
                    }
                }
            }
            offsets[passageCount] = distinct;
            keyIndex = Arrays.copyOf(keyIndex, distinct);
            counts = Arrays.copyOf(counts, distinct);
        }
        NGramOccurrences occurrences = keepOccurrences
                ? new NGramOccurrences(Arrays.copyOf(key, size), Arrays.copyOf(from, size), Arrays.copyOf(to, size),
                        Arrays.copyOf(n, size), Arrays.copyOf(stripped, size))
                : null;
        return new ArticleNGrams(whole, passages, offsets, keyIndex, counts, occurrences);
    }
}
