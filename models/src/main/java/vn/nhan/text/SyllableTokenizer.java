package vn.nhan.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into Vietnamese syllables (runs of letters and digits, joined across a
 * hyphen, slash, dot or apostrophe between two of them, so "covid-19" is one token). Punctuation and
 * line ends split the text into segments: n-grams never cross a segment boundary. Numbers of three
 * or more digits become their shape ("2020" becomes "0000"), so years and counts generalise.
 */
public final class SyllableTokenizer {
    private SyllableTokenizer() {
    }

    /** The segments of {@code normalized}, each a list of syllables; empty segments are dropped. */
    public static List<List<String>> segments(String normalized) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int n = normalized.length();
        int i = 0;
        while (i < n) {
            char c = normalized.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(normalized.charAt(i)) || isWordJoiner(normalized, i))) {
                    i++;
                }
                current.add(shape(normalized.substring(start, i)));
                continue;
            }
            if (c != ' ' && !current.isEmpty()) {
                segments.add(current);
                current = new ArrayList<>();
            }
            i++;
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
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

    /** A hyphen, slash, dot or apostrophe between two letters or digits ("covid-19", "05-ct/tw") joins them into one token. */
    private static boolean isWordJoiner(String s, int i) {
        char c = s.charAt(i);
        return (c == '-' || c == '/' || c == '.' || c == '\'')
                && i > 0 && i + 1 < s.length()
                && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    private static String shape(String token) {
        int digits = 0;
        for (int i = 0; i < token.length(); i++) {
            if (Character.isDigit(token.charAt(i))) {
                digits++;
            }
        }
        if (digits < 3) {
            return token;
        }
        StringBuilder b = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            b.append(Character.isDigit(c) ? '0' : c);
        }
        return b.toString();
    }
}
