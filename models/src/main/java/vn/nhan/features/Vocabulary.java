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
    /**
     * Open addressing, key and entry side by side so that one look-up touches one cache line:
     * {@code table[2i]} is a key (0 = empty), {@code table[2i+1]} packs its id (high 32 bits) and
     * IDF (low 32 bits, float bits). Large vocabularies do not fit in the caches, so this matters.
     */
    private final long[] table;
    private final int mask;

    public Vocabulary(long[] keys, float[] idf) {
        if (keys.length != idf.length) {
            throw new IllegalArgumentException("keys and idf differ in length: " + keys.length + " vs " + idf.length);
        }
        this.keys = keys;
        this.idf = idf;
        int capacity = Integer.highestOneBit(Math.max(16, keys.length * 2 - 1)) << 1;
        this.table = new long[2 * capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == 0) {
                throw new IllegalArgumentException("vocabulary keys must not be 0 (keys[" + i + "])");
            }
            int slot = slot(keys[i]);
            while (table[2 * slot] != 0) {
                if (table[2 * slot] == keys[i]) {
                    throw new IllegalArgumentException("key " + keys[i] + " appears twice in the vocabulary");
                }
                slot = (slot + 1) & mask;
            }
            table[2 * slot] = keys[i];
            table[2 * slot + 1] = ((long) i << 32) | (Float.floatToRawIntBits(idf[i]) & 0xFFFFFFFFL);
        }
    }

    public int size() {
        return keys.length;
    }

    /** The id of {@code key}, or -1 when it is not in the vocabulary. */
    public int id(long key) {
        long entry = entry(key);
        return entry == MISSING ? -1 : entryId(entry);
    }

    /** Marks a key that is not in the vocabulary, for {@link #entry}. */
    public static final long MISSING = -1L;

    /** The packed id and IDF of {@code key} (read them with {@link #entryId} and {@link #entryIdf}), or {@link #MISSING}. */
    public long entry(long key) {
        int slot = slot(key);
        while (true) {
            long k = table[2 * slot];
            if (k == key) {
                return table[2 * slot + 1];
            }
            if (k == 0) {
                return MISSING;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id packed in an {@link #entry}. */
    public static int entryId(long entry) {
        return (int) (entry >>> 32);
    }

    /** The IDF packed in an {@link #entry}. */
    public static float entryIdf(long entry) {
        return Float.intBitsToFloat((int) entry);
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
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
        return read(in, -1);
    }

    /**
     * Reads a vocabulary from a file of {@code bytes} bytes, checking the entry count against the
     * size before allocating ({@code -1}: size unknown, only the range is checked).
     */
    public static Vocabulary read(DataInputStream in, long bytes) throws IOException {
        int magic = in.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a vocabulary file (magic " + Integer.toHexString(magic) + ", expected " + Integer.toHexString(MAGIC) + ")");
        }
        int n = in.readInt();
        if (n < 0 || n > 100_000_000) {
            throw new IOException("vocabulary size " + n + " is out of range");
        }
        if (bytes >= 0 && 8 + 12L * n != bytes) {
            throw new IOException("vocabulary of " + n + " entries does not match the file size of " + bytes + " bytes");
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
