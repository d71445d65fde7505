package vn.nhan.features;

/**
 * A document's features: distinct feature ids, in no particular order, and their TF-IDF weights
 * (L2-normalised).
 * The arrays are owned by the vector and must not be changed.
 */
public record SparseVector(int[] ids, float[] values) {
    public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

    public SparseVector {
        if (ids.length != values.length) {
            throw new IllegalArgumentException("ids and values differ in length: " + ids.length + " vs " + values.length);
        }
    }

    public int size() {
        return ids.length;
    }
}
