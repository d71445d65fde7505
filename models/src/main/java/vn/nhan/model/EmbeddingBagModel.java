package vn.nhan.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import vn.nhan.features.ArticleFeatures;
import vn.nhan.features.SparseVector;

/**
 * The neural model: an embedding bag (the TF-IDF-weighted sum of the rows of a feature table, kept
 * in plain Java as a row-major {@code float[]}) feeding a DL4J output layer with one sigmoid per
 * label. The DL4J network is what training fits and what the bundle stores.
 *
 * <p>Scoring does not run it. The head is linear before its sigmoid, so the logit of label
 * {@code l} is {@code b[l] + sum_i x_i (T[id_i] . W[:, l])}: at construction every table row is
 * folded through the head once into {@code labels} weights, and a document then costs one short
 * row per feature, like the linear model, instead of a {@code dimension}-wide row and a native
 * call. The result equals the network's output up to float rounding. Immutable and thread-safe.
 */
public final class EmbeddingBagModel implements LabelScorer {
    private static final int MAGIC = 0x4E484542; // "NHEB"
    private final int dimension;
    private final float[] table;
    private final MultiLayerNetwork head;
    /** Row {@code r} of the table through the head's weights, per label, and the head's bias. */
    private final LabelWeights folded;

    EmbeddingBagModel(int dimension, float[] table, MultiLayerNetwork head) {
        if (table.length % dimension != 0) {
            throw new IllegalArgumentException("table length " + table.length + " is not a multiple of the dimension " + dimension);
        }
        if (head.getnLayers() != 1) {
            throw new IllegalArgumentException("the neural head must be a single output layer, got " + head.getnLayers() + " layers");
        }
        float[][] w = head.getLayer(0).getParam("W").castTo(DataType.FLOAT).toFloatMatrix(); // [dimension][labels]
        if (w.length != dimension) {
            throw new IllegalArgumentException("the neural head takes " + w.length + " inputs, the table rows have " + dimension);
        }
        this.dimension = dimension;
        this.table = table;
        this.head = head;
        int labels = w[0].length;
        float[] bias = head.getLayer(0).getParam("b").castTo(DataType.FLOAT).dup().data().asFloat();
        this.folded = new LabelWeights(table.length / dimension, labels, fold(table, dimension, w, labels), bias);
    }

    private static float[] fold(float[] table, int dimension, float[][] w, int labels) {
        int rows = table.length / dimension;
        float[] folded = new float[rows * labels];
        double[] acc = new double[labels];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(acc, 0);
            for (int k = 0; k < dimension; k++) {
                double t = table[r * dimension + k];
                float[] wk = w[k];
                for (int l = 0; l < labels; l++) {
                    acc[l] += t * wk[l];
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

    public MultiLayerNetwork head() {
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

    public static EmbeddingBagModel read(DataInputStream table, MultiLayerNetwork head) throws IOException {
        if (table.readInt() != MAGIC) {
            throw new IOException("not an embedding table file");
        }
        int dimension = table.readInt();
        int rows = table.readInt();
        if (dimension < 1 || rows < 0 || (long) dimension * rows > Integer.MAX_VALUE) {
            throw new IOException("embedding table shape " + rows + " x " + dimension + " is out of range");
        }
        float[] values = new float[rows * dimension];
        for (int i = 0; i < values.length; i++) {
            values[i] = table.readFloat();
        }
        return new EmbeddingBagModel(dimension, values, head);
    }
}
