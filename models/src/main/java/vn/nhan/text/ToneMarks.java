package vn.nhan.text;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Vietnamese tone marks: where they sit in a syllable, and how to remove them.
 *
 * <p>Vietnamese writes the same syllable with its tone mark on different vowels ("hoà"/"hòa",
 * "thuý"/"thúy", "khoẻ"/"khỏe"). {@link #canonicalize(String)} moves the mark to one canonical
 * place, the traditional placement used by most news sites: on the vowel carrying a hat or horn
 * (ă â ê ô ơ ư; the last one in "ươ"), else on the last vowel when a final consonant follows,
 * else on the middle vowel of three, else on the first vowel of two.
 */
public final class ToneMarks {
    private static final String BASES = "aăâeêioôơuưy";
    private static final String HAT_OR_HORN = "ăâêôơư";
    private static final char[] MARKS = {'\u0300', '\u0301', '\u0309', '\u0303', '\u0323'};
    private static final int TONES = MARKS.length + 1;
    private static final int TABLE = 0x2000;

    /** For each char: base index * TONES + tone + 1, or 0 when it is not a Vietnamese vowel. */
    private static final short[] CODE = new short[TABLE];
    private static final char[] COMPOSED = new char[BASES.length() * TONES];
    private static final char[] STRIPPED = new char[TABLE];
    /** The same facts as {@link #CODE}, unpacked for the hot path: tone (-1: not a vowel), base letter, hat or horn. */
    private static final byte[] TONE = new byte[TABLE];
    private static final char[] BASE = new char[TABLE];
    private static final boolean[] HAT = new boolean[TABLE];

    static {
        for (int b = 0; b < BASES.length(); b++) {
            char base = BASES.charAt(b);
            for (int t = 0; t < TONES; t++) {
                String s = t == 0 ? String.valueOf(base) : Normalizer.normalize(base + String.valueOf(MARKS[t - 1]), Normalizer.Form.NFC);
                char c = s.charAt(0);
                COMPOSED[b * TONES + t] = c;
                CODE[c] = (short) (b * TONES + t + 1);
            }
        }
        for (char c = 0; c < TABLE; c++) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            STRIPPED[c] = Character.isLetter(c) && d.length() > 0 ? d.charAt(0) : c;
        }
        STRIPPED['đ'] = 'd';
        STRIPPED['Đ'] = 'D';
        for (char c = 0; c < TABLE; c++) {
            TONE[c] = (byte) (CODE[c] == 0 ? -1 : (CODE[c] - 1) % TONES);
            BASE[c] = CODE[c] == 0 ? 0 : BASES.charAt((CODE[c] - 1) / TONES);
            HAT[c] = CODE[c] != 0 && HAT_OR_HORN.indexOf(BASE[c]) >= 0;
        }
    }

    private ToneMarks() {
    }

    /** Whether {@code c} is a lower-case Vietnamese vowel, with or without marks. */
    public static boolean isVowel(char c) {
        return c < TABLE && TONE[c] >= 0;
    }

    /** {@code c} without its diacritics ('ế' becomes 'e', 'đ' becomes 'd'). */
    public static char strip(char c) {
        return c < TABLE ? STRIPPED[c] : c;
    }

    /** The text with every diacritic removed ("Quy chế phối hợp" becomes "Quy che phoi hop"). */
    public static String strip(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char s = c < TABLE ? STRIPPED[c] : c;
            if (s != c) {
                if (out == null) {
                    out = text.toCharArray();
                }
                out[i] = s;
            }
        }
        return out == null ? text : new String(out);
    }

    /**
     * Moves the tone mark of a lower-case syllable to its canonical vowel. Words that are not
     * Vietnamese syllables (no vowel, two tone marks, vowels split by consonants) are returned as
     * they are.
     */
    public static String canonicalize(String syllable) {
        char[] chars = syllable.toCharArray();
        return canonicalize(chars, 0, chars.length) ? new String(chars) : syllable;
    }

    /** {@link #canonicalize(String)} of the word {@code chars[from..to)}, in place; true when it changed. */
    static boolean canonicalize(char[] chars, int from, int to) {
        int tone = 0;
        int tonePos = -1;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < TABLE && TONE[c] > 0) {
                if (tonePos >= 0) {
                    return false;
                }
                tone = TONE[c];
                tonePos = i;
            }
        }
        if (tonePos < 0) {
            return false;
        }
        int target = canonicalPosition(chars, from, to);
        if (target < 0 || target == tonePos) {
            return false;
        }
        chars[tonePos] = withTone(chars[tonePos], 0);
        chars[target] = withTone(chars[target], tone);
        return true;
    }

    private static char withTone(char vowel, int tone) {
        int base = (CODE[vowel] - 1) / TONES;
        return COMPOSED[base * TONES + tone];
    }

    private static char baseOf(char c) {
        return BASE[c];
    }

    /**
     * Index (into {@code s}) of the vowel of the word {@code s[from..n)} that should carry the tone,
     * or -1 when the word is not a syllable.
     */
    private static int canonicalPosition(char[] s, int from, int n) {
        int start = from;
        if (n - from > 2 && s[from] == 'q' && isVowel(s[from + 1]) && baseOf(s[from + 1]) == 'u') {
            start = from + 2;
        } else if (n - from > 2 && s[from] == 'g' && isVowel(s[from + 1]) && baseOf(s[from + 1]) == 'i' && isVowel(s[from + 2])) {
            start = from + 2;
        }
        int first = start;
        while (first < n && !isVowel(s[first])) {
            first++;
        }
        if (first == n) {
            return start > from ? start - 1 : -1;
        }
        int last = first;
        while (last + 1 < n && isVowel(s[last + 1])) {
            last++;
        }
        for (int i = last + 1; i < n; i++) {
            if (isVowel(s[i])) {
                return -1;
            }
        }
        int length = last - first + 1;
        if (length > 3) {
            return -1;
        }
        for (int i = last; i >= first; i--) {
            if (HAT[s[i]]) {
                return i;
            }
        }
        if (length == 1) {
            return first;
        }
        if (last + 1 < n) {
            return last;
        }
        return length == 3 ? first + 1 : first;
    }

    /** All tone-marked and plain lower-case vowels, for tests. */
    static char[] vowels() {
        char[] copy = Arrays.copyOf(COMPOSED, COMPOSED.length);
        Arrays.sort(copy);
        return copy;
    }
}
