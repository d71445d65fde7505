package vn.nhan.text;

import java.util.Set;

/**
 * Finds the sentences of Vietnamese news text, as ranges of the text. A line end always ends a
 * sentence (paragraphs, captions, list items, datelines and bylines are lines of their own). Inside
 * a line a sentence ends at '.', '!', '?' or '…' (optionally followed by closing quotes or
 * brackets) that is followed by a space or the end of the line, unless the dot belongs to an
 * abbreviation: a known one ("TP.", "TS.", "PGS.", "Q.", "ThS.", "Nxb."...), a single letter
 * ("Q.", "P.", an initial), or a token with dots inside ("PGS.TS.", "Th.S."). A dot between
 * digits ("12.3", "1.500") or letters never ends a sentence because no space follows it. Text
 * with no punctuation at all is one sentence per line; {@code PassageSplitter} cuts long ones.
 * Works on raw and on normalised (lower-case) text alike. Stateless and thread-safe.
 */
public final class SentenceSplitter {
    /** Receives each sentence as {@code text[start..end)}, trimmed of spaces, never empty. */
    public interface Sink {
        void sentence(int start, int end, boolean endsLine);
    }

    /** Abbreviations that take a dot in Vietnamese news, lower case, without the dot. */
    static final Set<String> ABBREVIATIONS = Set.of(
            "tp", "tx", "tt", "ts", "ths", "pgs", "gs", "bs", "cn", "ks", "kts", "ls", "ds", "nxb", "tr", "st", "sđd",
            "q", "p", "h", "x", "đ", "đc", "đ/c", "ct", "nq", "qđ", "tw", "ubnd", "hđnd", "v.v", "vv", "ttg", "bch", "tgđ",
            "gđ", "pgđ", "nsnd", "nsưt", "ndt", "no", "tel", "mr", "mrs", "dr", "co", "ltd", "ttxvn", "qđnd",
            "khxh", "đhqg", "ncs", "cv", "ttr", "đt", "dđ", "fax");

    private SentenceSplitter() {
    }

    /** Reports the sentences of {@code text} from first to last. */
    public static void split(CharSequence text, Sink sink) {
        int n = text.length();
        int lineStart = 0;
        while (lineStart <= n) {
            int lineEnd = lineStart;
            while (lineEnd < n && text.charAt(lineEnd) != '\n') {
                lineEnd++;
            }
            splitLine(text, lineStart, lineEnd, sink);
            lineStart = lineEnd + 1;
        }
    }

    private static void splitLine(CharSequence text, int from, int to, Sink sink) {
        int start = from;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (isTerminator(c)) {
                int end = i + 1;
                while (end < to && (isTerminator(text.charAt(end)) || isCloser(text.charAt(end)))) {
                    end++;
                }
                boolean spaceFollows = end == to || Character.isWhitespace(text.charAt(end));
                if (spaceFollows && !(c == '.' && end == i + 1 && isAbbreviation(text, from, i))) {
                    emit(text, start, end, isBlank(text, end, to), sink);
                    start = end;
                }
                i = end;
                continue;
            }
            i++;
        }
        emit(text, start, to, true, sink);
    }

    private static void emit(CharSequence text, int start, int end, boolean endsLine, Sink sink) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start && hasLetterOrDigit(text, start, end)) {
            sink.sentence(start, end, endsLine);
        }
    }

    private static boolean isBlank(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetterOrDigit(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** True when the dot at {@code dot} ends an abbreviation rather than a sentence. */
    static boolean isAbbreviation(CharSequence text, int lineStart, int dot) {
        int start = dot;
        while (start > lineStart && !Character.isWhitespace(text.charAt(start - 1)) && !isOpener(text.charAt(start - 1))) {
            start--;
        }
        if (start == dot) {
            return false;
        }
        if (dot - start > 12) {
            return false; // longer than any abbreviation, and too long to be letters with dots inside
        }
        String lower = lowerCase(text, start, dot);
        if (ABBREVIATIONS.contains(lower)) {
            return true;
        }
        int letters = 0;
        boolean innerDot = false;
        for (int k = 0; k < lower.length(); k++) {
            char c = lower.charAt(k);
            if (Character.isLetter(c)) {
                letters++;
            } else if (c == '.') {
                innerDot = true;
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return letters == 1 || innerDot && letters <= 8;
    }

    /** {@code text[start..end)} in lower case, composed (NFC) only when it holds a combining mark. */
    private static String lowerCase(CharSequence text, int start, int end) {
        char[] chars = new char[end - start];
        boolean marks = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            marks |= Character.getType(c) == Character.NON_SPACING_MARK;
            chars[i - start] = Character.toLowerCase(c);
        }
        String lower = new String(chars);
        return marks ? java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFC) : lower;
    }

    private static boolean isTerminator(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019' || c == '\u00BB';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '(' || c == '[' || c == '\u201C' || c == '\u2018' || c == '\u00AB';
    }
}
