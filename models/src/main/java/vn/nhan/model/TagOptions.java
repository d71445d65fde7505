package vn.nhan.model;

/**
 * How to tag: {@code threshold} (0..1) replaces every per-label threshold when not null;
 * {@code topK} caps the labels returned; {@code explain} adds evidence passages and terms;
 * {@code passages} false scores whole articles alone, with their own thresholds (for comparison).
 */
public record TagOptions(Float threshold, int topK, boolean explain, boolean passages) {
    /** Passages shown as evidence of one label, at most. */
    public static final int MAX_EVIDENCE = 3;
    /** Words and phrases shown for one label, at most. */
    public static final int MAX_TERMS = 8;

    public TagOptions {
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("topK must be at least 1, got " + topK);
        }
    }

    public static TagOptions defaults() {
        return new TagOptions(null, Integer.MAX_VALUE, false, true);
    }

    public TagOptions withExplain(boolean e) {
        return new TagOptions(threshold, topK, e, passages);
    }

    public TagOptions withThreshold(Float t) {
        return new TagOptions(t, topK, explain, passages);
    }

    public TagOptions withPassages(boolean p) {
        return new TagOptions(threshold, topK, explain, p);
    }
}
