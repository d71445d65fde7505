package vn.nhan.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into Vietnamese syllables (runs of letters and digits, joined across a
 * hyphen, slash, dot or apostrophe between two of them, so "covid-19" is one token). Punctuation and
 * line ends split the text into segments: n-grams never cross a segment boundary. Numbers of three
 * or more digits become their shape ("2020" becomes "0000"), so years and counts generalise.
 *
 * <p>{@link #scan} reports each syllable as a range of the text, without building strings; the
 * feature path hashes those ranges. {@link #segments} builds the strings, for tests and tools.
 */
public final class SyllableTokenizer {
    /** Receives the syllables of a text in order and the end of each segment. */
    public interface Visitor {
        /**
         * The syllable {@code text[start..end)}; when {@code shaped}, it has three or more digits and
         * every digit reads as '0' (see {@link #shapeOf}).
         */
        void syllable(int start, int end, boolean shaped);

        /** The segment that the syllables since the previous call belong to has ended. */
        void segmentEnd();
    }

    private SyllableTokenizer() {
    }

    /** Reports every syllable of {@code normalized} and every end of a non-empty segment to {@code visitor}. */
    public static void scan(String normalized, Visitor visitor) {
        int n = normalized.length();
        int i = 0;
        boolean open = false;
        while (i < n) {
            char c = normalized.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                int digits = 0;
                while (i < n && (Character.isLetterOrDigit(normalized.charAt(i)) || isWordJoiner(normalized, i))) {
                    if (Character.isDigit(normalized.charAt(i))) {
                        digits++;
                    }
                    i++;
                }
                visitor.syllable(start, i, digits >= 3);
                open = true;
                continue;
            }
            if (c != ' ' && open) {
                visitor.segmentEnd();
                open = false;
            }
            i++;
        }
        if (open) {
            visitor.segmentEnd();
        }
    }

    /** What a character of a syllable counts as: itself, or '0' for a digit of a shaped syllable. */
    public static char shapeOf(char c, boolean shaped) {
        return shaped && Character.isDigit(c) ? '0' : c;
    }

    /** The segments of {@code normalized}, each a list of syllables; empty segments are dropped. */
    public static List<List<String>> segments(String normalized) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        scan(normalized, new Visitor() {
            @Override
            public void syllable(int start, int end, boolean shaped) {
                current.add(text(normalized, start, end, shaped));
            }

            @Override
            public void segmentEnd() {
                segments.add(List.copyOf(current));
                current.clear();
            }
        });
        return segments;
    }

    /** All syllables of {@code normalized} in order, ignoring segments. */
    public static List<String> syllables(String normalized) {
        List<String> all = new ArrayList<>();
        for (List<String> segment : segments(normalized)) {
            all.addAll(segment);
        }
        return all;
    }

    private static String text(String normalized, int start, int end, boolean shaped) {
        if (!shaped) {
            return normalized.substring(start, end);
        }
        StringBuilder b = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            b.append(shapeOf(normalized.charAt(i), true));
        }
        return b.toString();
    }

    /** A hyphen, slash, dot or apostrophe between two letters or digits ("covid-19", "05-ct/tw") joins them into one token. */
    private static boolean isWordJoiner(String s, int i) {
        char c = s.charAt(i);
        return (c == '-' || c == '/' || c == '.' || c == '\'')
                && i > 0 && i + 1 < s.length()
                && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
    }
}
