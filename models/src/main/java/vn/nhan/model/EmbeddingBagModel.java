package vn.nhan.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import vn.nhan.features.ArticleFeatures;
import vn.nhan.features.SparseVector;

/**
 * The neural model: an embedding bag (the TF-IDF-weighted sum of the rows of a feature table, kept
 * in plain Java as a row-major {@code float[]}) feeding an output layer with one sigmoid per label
 * ({@link NeuralHead}: its weights and biases as plain floats). Training fits the head with DL4J;
 * scoring and the bundle need only the table and the head's numbers, no DL4J and no ND4J.
 *
 * <p>The head is linear before its sigmoid, so the logit of label
 * {@code l} is {@code b[l] + sum_i x_i (T[id_i] . W[:, l])}: at construction every table row is
 * folded through the head once into {@code labels} weights, and a document then costs one short
 * row per feature, like the linear model, instead of a {@code dimension}-wide row. The result
 * equals the network's output up to float rounding. Immutable and thread-safe.
 */
public final class EmbeddingBagModel implements LabelScorer {
    private static final int MAGIC = 0x4E484542; // "NHEB"
    private final int dimension;
    private final float[] table;
    private final NeuralHead head;
    /** Row {@code r} of the table through the head's weights, per label, and the head's bias. */
    private final LabelWeights folded;

    public EmbeddingBagModel(int dimension, float[] table, NeuralHead head) {
        if (dimension < 1 || table.length % dimension != 0) {
            throw new IllegalArgumentException("table length " + table.length + " is not a multiple of the dimension " + dimension);
        }
        if (head.inputs() != dimension) {
            throw new IllegalArgumentException("the neural head takes " + head.inputs() + " inputs, the table rows have " + dimension);
        }
        this.dimension = dimension;
        this.table = table;
        this.head = head;
        this.folded = new LabelWeights(table.length / dimension, head.labels(), fold(table, dimension, head), head.bias().clone());
    }

    private static float[] fold(float[] table, int dimension, NeuralHead head) {
        int labels = head.labels();
        float[] w = head.weights(); // [k * labels + l]
        int rows = table.length / dimension;
        float[] folded = new float[rows * labels];
        double[] acc = new double[labels];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(acc, 0);
            for (int k = 0; k < dimension; k++) {
                double t = table[r * dimension + k];
                int wk = k * labels;
                for (int l = 0; l < labels; l++) {
                    acc[l] += t * w[wk + l];
                }
            }
            for (int l = 0; l < labels; l++) {
                folded[r * labels + l] = (float) acc[l];
            }
        }
        return folded;
    }

    @Override
    public int labelCount() {
        return folded.labels();
    }

    public int dimension() {
        return dimension;
    }

    public int vocabularySize() {
        return table.length / dimension;
    }

    public NeuralHead head() {
        return head;
    }

    @Override
    public float[][] scores(List<SparseVector> documents) {
        return folded.scores(documents);
    }

    /** The label probabilities of one document. */
    public float[] score(SparseVector x) {
        return folded.score(x);
    }

    /** Adds the TF-IDF-weighted sum of the rows of {@code x}'s features into {@code out[offset..]}. */
    void bag(SparseVector x, float[] out, int offset) {
        bag(table, dimension, x, out, offset);
    }

    static void bag(float[] table, int dimension, SparseVector x, float[] out, int offset) {
        int[] ids = x.ids();
        float[] values = x.values();
        int rows = table.length / dimension;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] >= rows) {
                continue;
            }
            float w = values[i];
            int row = ids[i] * dimension;
            for (int k = 0; k < dimension; k++) {
                out[offset + k] += w * table[row + k];
            }
        }
    }

    /** The per-feature weights scoring uses. */
    LabelWeights weights() {
        return folded;
    }

    /** The label probabilities of a whole article (row 0) and of each of its passages. */
    public float[][] scoreArticle(ArticleFeatures article) {
        return folded.scoreArticle(article);
    }

    /** How much each feature of {@code x} adds to the logit of {@code label} (exact: the head is linear). */
    public float[] contributions(SparseVector x, int label) {
        return folded.contributions(x, label);
    }

    public void writeTable(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(dimension);
        out.writeInt(table.length / dimension);
        byte[] buffer = new byte[dimension * 4];
        for (int row = 0; row < table.length / dimension; row++) {
            for (int k = 0; k < dimension; k++) {
                int bits = Float.floatToRawIntBits(table[row * dimension + k]);
                buffer[4 * k] = (byte) (bits >>> 24);
                buffer[4 * k + 1] = (byte) (bits >>> 16);
                buffer[4 * k + 2] = (byte) (bits >>> 8);
                buffer[4 * k + 3] = (byte) bits;
            }
            out.write(buffer);
        }
    }

    /** Size in bytes of the file {@link #writeTable} makes for a table of this shape. */
    public static long tableFileBytes(long rows, long dimension) {
        return 12 + 4 * rows * dimension;
    }

    /** Reads a table written by {@link #writeTable} from a file of {@code bytes} bytes (its shape checked against the size first) and joins it to {@code head}. */
    public static EmbeddingBagModel read(DataInputStream table, long bytes, NeuralHead head) throws IOException {
        if (table.readInt() != MAGIC) {
            throw new IOException("not an embedding table file");
        }
        int dimension = table.readInt();
        int rows = table.readInt();
        if (dimension < 1 || rows < 0 || tableFileBytes(rows, dimension) != bytes) {
            throw new IOException("embedding table shape " + rows + " x " + dimension + " does not match the file size of " + bytes + " bytes");
        }
        float[] values = new float[rows * dimension];
        for (int i = 0; i < values.length; i++) {
            values[i] = table.readFloat();
        }
        return new EmbeddingBagModel(dimension, values, head);
    }
}
