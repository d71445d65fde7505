package vn.nhan.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns raw article text into the one canonical form every feature is computed from: Unicode NFC,
 * web clutter lines and immediately repeated lines (photo captions printed twice) removed, quotes,
 * dashes and spaces unified, invisible characters dropped, lower case, and one tone-mark
 * placement. Thread-safe and stateless.
 *
 * <p>Two steps. {@link #canonicalCharacters} maps each character (look-alikes unified, NFC, lower
 * case); text made only of characters that NFC leaves alone and that lower-case to one character
 * (Latin, Vietnamese, common punctuation: nearly every article) is mapped through a table in one
 * pass, anything else goes through {@link #unifyCharacters}, {@link Normalizer} and
 * {@link String#toLowerCase(Locale)}, which give the same result for the former. Then each line
 * has its spaces collapsed and its tone marks placed, and clutter and repeated lines are dropped.
 */
public final class TextNormalizer {
    private static final TextNormalizer STANDARD = new TextNormalizer();
    private static final int MAX_CLUTTER_LENGTH = ClutterFilter.MAX_LENGTH;

    /** Table values that are not characters: 0 = not in the table, then drop and "...". */
    private static final char SLOW = 0;
    private static final char DROP = '\uE000';
    private static final char ELLIPSIS = '\uE001';
    private static final char[] TABLE = table();

    private TextNormalizer() {
    }

    /** The normaliser used by training and serving alike. */
    public static TextNormalizer standard() {
        return STANDARD;
    }

    /** The canonical form of {@code raw}: lines separated by '\n', words by one space. */
    public String normalize(String raw) {
        Objects.requireNonNull(raw, "text must not be null");
        char[] chars = canonicalCharacters(raw);
        return lines(chars, null, chars.length);
    }

    /**
     * The same canonical form as {@link #normalize}, with the offset in {@code raw} that each of its
     * characters comes from, so that a range of the normalised text can be shown as the words the
     * client sent. Slower than {@link #normalize} (the general path, cluster by cluster); used to
     * explain, not to score in bulk.
     */
    public TrackedText normalizeTracked(String raw) {
        Objects.requireNonNull(raw, "text must not be null");
        StringBuilder unified = new StringBuilder(raw.length() + 16);
        int[] unifiedOrigin = new int[raw.length() * 3 + 16];
        for (int i = 0; i < raw.length(); i++) {
            String u = unifyCharacters(String.valueOf(raw.charAt(i)));
            for (int k = 0; k < u.length(); k++) {
                unifiedOrigin[unified.length()] = i;
                unified.append(u.charAt(k));
            }
        }
        StringBuilder composed = new StringBuilder(unified.length());
        int[] composedOrigin = new int[unified.length() + 16];
        int i = 0;
        while (i < unified.length()) {
            int j = i + 1;
            while (j < unified.length() && isClusterContinuation(unified.charAt(j))) {
                j++;
            }
            String cluster = Normalizer.normalize(unified.substring(i, j), Normalizer.Form.NFC);
            if (composed.length() + cluster.length() > composedOrigin.length) {
                composedOrigin = Arrays.copyOf(composedOrigin, (composed.length() + cluster.length()) * 2);
            }
            for (int k = 0; k < cluster.length(); k++) {
                composedOrigin[composed.length()] = unifiedOrigin[i];
                composed.append(cluster.charAt(k));
            }
            i = j;
        }
        // lower case over the whole text when that keeps its length (context such as a final sigma counts), else cluster by cluster
        String lowered = composed.toString().toLowerCase(Locale.ROOT);
        if (lowered.length() == composed.length()) {
            char[] chars = lowered.toCharArray();
            int[] origin = Arrays.copyOf(composedOrigin, Math.max(1, chars.length));
            String text = lines(chars, origin, chars.length);
            return new TrackedText(text, Arrays.copyOf(origin, text.length()));
        }
        char[] chars = new char[unified.length() * 2 + 16];
        int[] origin = new int[chars.length];
        int length = 0;
        i = 0;
        while (i < unified.length()) {
            int j = i + 1;
            while (j < unified.length() && isClusterContinuation(unified.charAt(j))) {
                j++;
            }
            String cluster = Normalizer.normalize(unified.substring(i, j), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            if (length + cluster.length() > chars.length) {
                chars = Arrays.copyOf(chars, (length + cluster.length()) * 2);
                origin = Arrays.copyOf(origin, chars.length);
            }
            for (int k = 0; k < cluster.length(); k++) {
                origin[length] = unifiedOrigin[i];
                chars[length++] = cluster.charAt(k);
            }
            i = j;
        }
        String text = lines(chars, origin, length);
        return new TrackedText(text, Arrays.copyOf(origin, text.length()));
    }

    private static boolean isClusterContinuation(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                || Character.isLowSurrogate(c);
    }

    /** Unified, NFC, lower-case characters of {@code raw}; line and space clean-up comes later. */
    static char[] canonicalCharacters(String raw) {
        char[] fast = tableCharacters(raw);
        return fast != null ? fast : jdkCharacters(raw);
    }

    /** The general path: look-alikes unified, then the JDK's NFC and lower case. */
    static char[] jdkCharacters(String raw) {
        return Normalizer.normalize(unifyCharacters(raw), Normalizer.Form.NFC).toLowerCase(Locale.ROOT).toCharArray();
    }

    /** The same as {@link #jdkCharacters} through the table, or null when a character is not in it. */
    static char[] tableCharacters(String raw) {
        int n = raw.length();
        char[] out = new char[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            char m = TABLE[raw.charAt(i)];
            if (m == SLOW) {
                return null;
            }
            if (m == DROP) {
                continue;
            }
            if (m == ELLIPSIS) {
                if (length + 3 > out.length) {
                    out = Arrays.copyOf(out, out.length + n / 8 + 3);
                }
                out[length++] = '.';
                out[length++] = '.';
                out[length++] = '.';
                continue;
            }
            if (length == out.length) {
                out = Arrays.copyOf(out, out.length + n / 8 + 3);
            }
            out[length++] = m;
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    /**
     * Maps look-alike characters to one form; control and zero-width characters disappear. Every
     * character's mapping is defined here; the table of the fast path is built from it.
     */
    static String unifyCharacters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033', '\uFF02' -> b.append('"');
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> b.append('\'');
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D' -> b.append('-');
                case '\u2026' -> b.append("...");
                case '\r', '\u2028', '\u2029', '\u0085' -> b.append('\n');
                case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD' -> { }
                default -> {
                    if (Character.isSpaceChar(c) || c == '\t' || c == '\u000B' || c == '\f') {
                        b.append(' ');
                    } else if (Character.isISOControl(c) && c != '\n') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * For every character of Latin (U+0000-U+02FF), Latin Extended Additional (Vietnamese,
     * U+1E00-U+1EFF), general punctuation and currency signs (U+2000-U+20CF): what the general path
     * turns it into, when that is one character that NFC cannot combine with its neighbours (no
     * combining mark, NFC-stable, lower case of length one). Other characters stay {@link #SLOW}.
     */
    private static char[] table() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int[] range : new int[][] {{0x0000, 0x02FF}, {0x1E00, 0x1EFF}, {0x2000, 0x20CF}}) {
            for (int c = range[0]; c <= range[1]; c++) {
                table[c] = tableEntry((char) c);
            }
        }
        return table;
    }

    private static char tableEntry(char c) {
        String unified = unifyCharacters(String.valueOf(c));
        if (unified.isEmpty()) {
            return DROP;
        }
        if (unified.equals("...")) {
            return ELLIPSIS;
        }
        if (unified.length() != 1) {
            return SLOW;
        }
        char u = unified.charAt(0);
        int type = Character.getType(u);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                || !Normalizer.isNormalized(unified, Normalizer.Form.NFC)) {
            return SLOW;
        }
        String lower = unified.toLowerCase(Locale.ROOT);
        if (lower.length() != 1 || lower.charAt(0) == DROP || lower.charAt(0) == ELLIPSIS || lower.charAt(0) == SLOW) {
            return SLOW;
        }
        return lower.charAt(0);
    }

    /**
     * Line by line: spaces collapsed (none at either end), tone marks placed, then clutter and a
     * line equal to the previous kept one dropped; kept lines joined by '\n'. Works in place, and
     * moves {@code origin} (when not null) along with the characters.
     */
    private static String lines(char[] chars, int[] origin, int length) {
        int out = 0;
        int previousStart = -1;
        int previousEnd = -1;
        int i = 0;
        while (i <= length) {
            int lineStart = out;
            if (out > 0) {
                if (origin != null) {
                    origin[out] = Math.max(0, i - 1) < length ? origin[Math.max(0, i - 1)] : origin[length - 1];
                }
                chars[out++] = '\n';
                lineStart = out;
            }
            boolean space = false;
            while (i < length && chars[i] != '\n') {
                char c = chars[i++];
                if (c == ' ') {
                    space = out > lineStart;
                } else {
                    if (space) {
                        if (origin != null) {
                            origin[out] = origin[i - 2];
                        }
                        chars[out++] = ' ';
                        space = false;
                    }
                    if (origin != null) {
                        origin[out] = origin[i - 1];
                    }
                    chars[out++] = c;
                }
            }
            i++;
            canonicalTones(chars, lineStart, out);
            if (isClutter(chars, lineStart, out) || sameChars(chars, previousStart, previousEnd, lineStart, out)) {
                out = lineStart == 0 ? 0 : lineStart - 1;
            } else {
                previousStart = lineStart;
                previousEnd = out;
            }
        }
        return new String(chars, 0, out);
    }

    private static boolean isClutter(char[] chars, int start, int end) {
        return end - start <= MAX_CLUTTER_LENGTH && ClutterFilter.isClutter(new String(chars, start, end - start));
    }

    private static boolean sameChars(char[] chars, int aStart, int aEnd, int bStart, int bEnd) {
        return aStart >= 0 && aEnd - aStart == bEnd - bStart && Arrays.equals(chars, aStart, aEnd, chars, bStart, bEnd);
    }

    private static void canonicalTones(char[] chars, int start, int end) {
        int i = start;
        while (i < end) {
            if (!Character.isLetter(chars[i])) {
                i++;
                continue;
            }
            int word = i;
            while (i < end && Character.isLetter(chars[i])) {
                i++;
            }
            ToneMarks.canonicalize(chars, word, i);
        }
    }
}
