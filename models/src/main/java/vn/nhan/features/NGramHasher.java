package vn.nhan.features;

import java.util.List;
import vn.nhan.text.ToneMarks;

/**
 * Turns the syllables of a normalised document into 64-bit n-gram keys, for two views: the text as
 * written and the text with its accents stripped (so "quy che phoi hop" typed without diacritics
 * meets "quy chế phối hợp"). The key of an n-gram depends only on its syllables, its view and n.
 */
public final class NGramHasher {
    /** Receives one n-gram occurrence: its key and where it came from. */
    public interface Sink {
        void accept(long key, List<String> segment, int start, int n, boolean stripped);
    }

    private final FeatureConfig config;

    public NGramHasher(FeatureConfig config) {
        this.config = config;
    }

    /** Emits every n-gram of every segment to {@code sink}. */
    public void emit(List<List<String>> segments, Sink sink) {
        for (List<String> segment : segments) {
            int len = segment.size();
            long[] accented = new long[len];
            long[] stripped = new long[len];
            for (int i = 0; i < len; i++) {
                String s = segment.get(i);
                accented[i] = hash(s);
                stripped[i] = config.strippedMaxN() > 0 ? hashStripped(s) : accented[i];
            }
            emitView(segment, accented, config.minN(), config.maxN(), false, sink);
            emitView(segment, stripped, 1, config.strippedMaxN(), true, sink);
        }
    }

    private static void emitView(List<String> segment, long[] hashes, int minN, int maxN, boolean stripped, Sink sink) {
        for (int start = 0; start < hashes.length; start++) {
            long h = stripped ? 0x9E3779B97F4A7C15L : 0x7F4A7C159E3779B9L;
            for (int n = 1; n <= maxN && start + n <= hashes.length; n++) {
                h = (h ^ hashes[start + n - 1]) * 0x100000001B3L + n;
                if (n >= minN) {
                    sink.accept(finish(h), segment, start, n, stripped);
                }
            }
        }
    }

    /** The display form of an n-gram: its syllables joined by spaces, stripped if asked. */
    public static String text(List<String> segment, int start, int n, boolean stripped) {
        String joined = String.join(" ", segment.subList(start, start + n));
        return stripped ? ToneMarks.strip(joined) : joined;
    }

    static long hash(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return h;
    }

    /** {@code hash(ToneMarks.strip(s))} without building the stripped string. */
    static long hashStripped(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ ToneMarks.strip(s.charAt(i))) * 0x100000001B3L;
        }
        return h;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
