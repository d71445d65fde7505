package vn.nhan.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import vn.nhan.features.SparseVector;

/**
 * The neural model: an embedding bag (the TF-IDF-weighted sum, L2-normalised weights, of the rows of a feature table,
 * kept in plain Java as a row-major {@code float[]}) feeding a DL4J network whose output layer has
 * one sigmoid per label. The table is shared read-only between threads; each thread scores with
 * its own copy of the (small) DL4J head, because {@code MultiLayerNetwork.output} is synchronized.
 */
public final class EmbeddingBagModel implements LabelScorer {
    private static final int MAGIC = 0x4E484542; // "NHEB"
    private final int dimension;
    private final float[] table;
    private final MultiLayerNetwork head;
    private final ThreadLocal<MultiLayerNetwork> heads;
    private final int labels;

    EmbeddingBagModel(int dimension, float[] table, MultiLayerNetwork head) {
        if (table.length % dimension != 0) {
            throw new IllegalArgumentException("table length " + table.length + " is not a multiple of the dimension " + dimension);
        }
        this.dimension = dimension;
        this.table = table;
        this.head = head;
        this.labels = (int) head.output(Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, dimension)).size(1);
        this.heads = ThreadLocal.withInitial(head::clone);
    }

    @Override
    public int labelCount() {
        return labels;
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
        if (documents.isEmpty()) {
            return new float[0][];
        }
        float[] bags = new float[documents.size() * dimension];
        for (int d = 0; d < documents.size(); d++) {
            bag(documents.get(d), bags, d * dimension);
        }
        INDArray input = Nd4j.create(bags, new long[] {documents.size(), dimension}, 'c');
        INDArray output = heads.get().output(input);
        float[] flat = output.dataType() == org.nd4j.linalg.api.buffer.DataType.FLOAT && output.ordering() == 'c' && !output.isView()
                ? output.data().asFloat() : output.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
        float[][] out = new float[documents.size()][];
        for (int d = 0; d < out.length; d++) {
            out[d] = java.util.Arrays.copyOfRange(flat, d * labels, (d + 1) * labels);
        }
        return out;
    }

    /** Adds the TF-IDF-weighted sum of the rows of {@code x}'s features into {@code out[offset..]}. */
    void bag(SparseVector x, float[] out, int offset) {
        bag(table, dimension, x, out, offset);
    }

    static void bag(float[] table, int dimension, SparseVector x, float[] out, int offset) {
        int[] ids = x.ids();
        float[] values = x.values();
        int rows = table.length / dimension;
        for (int i = 0; i < ids.length && ids[i] < rows; i++) {
            float w = values[i];
            int row = ids[i] * dimension;
            for (int k = 0; k < dimension; k++) {
                out[offset + k] += w * table[row + k];
            }
        }
    }

    /** How much each feature of {@code x} adds to the logit of {@code label} (exact for a linear head). */
    public float[] contributions(SparseVector x, int label) {
        INDArray w = head.getLayer(head.getnLayers() - 1).getParam("W");
        float[] column = w.getColumn(label).toFloatVector();
        float[] c = new float[x.size()];
        for (int i = 0; i < c.length && x.ids()[i] < vocabularySize(); i++) {
            int row = x.ids()[i] * dimension;
            float dot = 0;
            for (int k = 0; k < dimension; k++) {
                dot += table[row + k] * column[k];
            }
            c[i] = dot * x.values()[i];
        }
        return c;
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
