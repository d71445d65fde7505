package vn.nhan.passage;

/**
 * The passages of one text: passage {@code p} is {@code text[start(p)..end(p))} with
 * {@code words(p)} words; with {@code firstIsTitle}, passage 0 is the title. Ranges are in order
 * and do not overlap.
 */
public record Passages(int[] starts, int[] ends, int[] words, boolean firstIsTitle) {
    /** No passages: the article is read whole. */
    public static final Passages NONE = new Passages(new int[0], new int[0], new int[0], false);

    public Passages {
        if (starts.length != ends.length || starts.length != words.length) {
            throw new IllegalArgumentException("passage arrays differ in length");
        }
    }

    public int size() {
        return starts.length;
    }

    public int start(int p) {
        return starts[p];
    }

    public int end(int p) {
        return ends[p];
    }

    public int words(int p) {
        return words[p];
    }

    /** The passage that holds offset {@code at}, or the one before the gap it falls in; -1 before the first. */
    public int indexOf(int at) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= at) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
