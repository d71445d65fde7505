package vn.nhan.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns raw article text into the one canonical form every feature is computed from: Unicode NFC,
 * web clutter lines and immediately repeated lines (photo captions printed twice) removed, quotes,
 * dashes and spaces unified, invisible characters dropped, lower case, and one tone-mark
 * placement. Thread-safe and stateless.
 */
public final class TextNormalizer {
    private static final TextNormalizer STANDARD = new TextNormalizer();

    private TextNormalizer() {
    }

    /** The normaliser used by training and serving alike. */
    public static TextNormalizer standard() {
        return STANDARD;
    }

    /** The canonical form of {@code raw}: lines separated by '\n', words by one space. */
    public String normalize(String raw) {
        Objects.requireNonNull(raw, "text must not be null");
        String text = Normalizer.normalize(unifyCharacters(raw), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(text.length());
        String previous = null;
        for (String line : text.split("\n")) {
            String clean = canonicalTones(collapseSpaces(line));
            if (ClutterFilter.isClutter(clean) || clean.equals(previous)) {
                continue;
            }
            previous = clean;
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(clean);
        }
        return out.toString();
    }

    /** Maps look-alike characters to one form; control and zero-width characters disappear. */
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

    private static String collapseSpaces(String line) {
        StringBuilder b = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String canonicalTones(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (!Character.isLetter(line.charAt(i))) {
                out.append(line.charAt(i++));
                continue;
            }
            int start = i;
            while (i < n && Character.isLetter(line.charAt(i))) {
                i++;
            }
            out.append(ToneMarks.canonicalize(line.substring(start, i)));
        }
        return out.toString();
    }
}
