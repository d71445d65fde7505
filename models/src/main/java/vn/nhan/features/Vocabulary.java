package vn.nhan.features;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The fitted feature space: n-gram keys mapped to dense ids, with the inverse document frequency
 * of each id. Immutable and safe to share between threads.
 */
public final class Vocabulary {
    private static final int MAGIC = 0x4E484E56; // "NHNV"

    private final long[] keys;
    private final float[] idf;
    private final LongIntMap index;

    public Vocabulary(long[] keys, float[] idf) {
        if (keys.length != idf.length) {
            throw new IllegalArgumentException("keys and idf differ in length: " + keys.length + " vs " + idf.length);
        }
        this.keys = keys;
        this.idf = idf;
        this.index = new LongIntMap(keys.length);
        for (int i = 0; i < keys.length; i++) {
            index.put(keys[i], i);
        }
    }

    public int size() {
        return keys.length;
    }

    /** The id of {@code key}, or -1 when it is not in the vocabulary. */
    public int id(long key) {
        return index.get(key, -1);
    }

    public float idf(int id) {
        return idf[id];
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.writeLong(keys[i]);
            out.writeFloat(idf[i]);
        }
    }

    public static Vocabulary read(DataInputStream in) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a vocabulary file (magic " + Integer.toHexString(magic) + ", expected " + Integer.toHexString(MAGIC) + ")");
        }
        int n = in.readInt();
        if (n < 0 || n > 100_000_000) {
            throw new IOException("vocabulary size " + n + " is out of range");
        }
        long[] keys = new long[n];
        float[] idf = new float[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.readLong();
            idf[i] = in.readFloat();
        }
        return new Vocabulary(keys, idf);
    }
}
