package vn.nhan.features;

import java.util.Arrays;
import vn.nhan.text.SyllableTokenizer;
import vn.nhan.text.ToneMarks;

/**
 * Turns the syllables of a normalised document into 64-bit n-gram keys, for two views: the text as
 * written and the text with its accents stripped (so "quy che phoi hop" typed without diacritics
 * meets "quy chế phối hợp"). The key of an n-gram depends only on its syllables, its view and n.
 * Syllables are hashed straight from the text, without building strings.
 */
public final class NGramHasher {
    /** Receives one n-gram occurrence: its key, the range of the normalised text it covers, n and its view. */
    public interface Sink {
        void accept(long key, int from, int to, int n, boolean stripped);
    }

    private final FeatureConfig config;

    public NGramHasher(FeatureConfig config) {
        this.config = config;
    }

    /** Emits every n-gram of every segment of {@code normalized} to {@code sink}. */
    public void emit(String normalized, Sink sink) {
        SyllableTokenizer.scan(normalized, new Segment(normalized, sink));
    }

    /** The syllables of the current segment, hashed in both views, emitted as n-grams when it ends. */
    private final class Segment implements SyllableTokenizer.Visitor {
        private final String text;
        private final Sink sink;
        private long[] accented = new long[32];
        private long[] stripped = new long[32];
        private int[] starts = new int[32];
        private int[] ends = new int[32];
        private int size;

        Segment(String text, Sink sink) {
            this.text = text;
            this.sink = sink;
        }

        @Override
        public void syllable(int start, int end, boolean shaped) {
            if (size == accented.length) {
                accented = Arrays.copyOf(accented, size * 2);
                stripped = Arrays.copyOf(stripped, size * 2);
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
            }
            long a = FNV_OFFSET;
            long s = FNV_OFFSET;
            for (int i = start; i < end; i++) {
                char c = SyllableTokenizer.shapeOf(text.charAt(i), shaped);
                a = (a ^ c) * FNV_PRIME;
                s = (s ^ ToneMarks.strip(c)) * FNV_PRIME;
            }
            accented[size] = a;
            stripped[size] = config.strippedMaxN() > 0 ? s : a;
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        @Override
        public void segmentEnd() {
            emitView(accented, config.minN(), config.maxN(), false);
            emitView(stripped, 1, config.strippedMaxN(), true);
            size = 0;
        }

        private void emitView(long[] hashes, int minN, int maxN, boolean strippedView) {
            for (int start = 0; start < size; start++) {
                long h = strippedView ? 0x9E3779B97F4A7C15L : 0x7F4A7C159E3779B9L;
                for (int n = 1; n <= maxN && start + n <= size; n++) {
                    h = (h ^ hashes[start + n - 1]) * FNV_PRIME + n;
                    if (n >= minN) {
                        sink.accept(finish(h), starts[start], ends[start + n - 1], n, strippedView);
                    }
                }
            }
        }
    }

    private static final long FNV_OFFSET = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
