package vn.nhan.text;

/**
 * Normalised text and, for each of its characters, the offset of the raw text it came from. A
 * range {@code [a, b)} of the normalised text covers {@code raw[rawStart(a) .. rawEnd(b))}.
 */
public record TrackedText(String text, int[] origin) {
    public TrackedText {
        if (origin.length != text.length()) {
            throw new IllegalArgumentException("origin has " + origin.length + " offsets for " + text.length() + " characters");
        }
    }

    /** The raw offset where normalised offset {@code a} starts. */
    public int rawStart(int a) {
        return origin[a];
    }

    /**
     * The raw offset just past normalised range {@code [.., b)}: past the raw character of
     * {@code b - 1} and any combining marks or low surrogate that follow it in {@code raw}.
     */
    public int rawEnd(String raw, int b) {
        int end = origin[b - 1] + 1;
        while (end < raw.length()) {
            char c = raw.charAt(end);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || Character.isLowSurrogate(c)) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }
}
