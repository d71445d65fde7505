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

    /** The same features in ascending id order: training then reads its weight rows in memory order. */
    public SparseVector sortedById() {
        long[] packed = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            packed[i] = (long) ids[i] << 32 | (Float.floatToRawIntBits(values[i]) & 0xFFFFFFFFL);
        }
        java.util.Arrays.sort(packed);
        int[] sortedIds = new int[ids.length];
        float[] sortedValues = new float[ids.length];
        for (int i = 0; i < packed.length; i++) {
            sortedIds[i] = (int) (packed[i] >>> 32);
            sortedValues[i] = Float.intBitsToFloat((int) packed[i]);
        }
        return new SparseVector(sortedIds, sortedValues);
    }
}
