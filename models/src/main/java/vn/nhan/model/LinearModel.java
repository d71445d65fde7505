package vn.nhan.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import vn.nhan.features.ArticleFeatures;
import vn.nhan.features.SparseVector;

/**
 * One logistic regression per label over the sparse TF-IDF features (binary relevance), trained
 * by {@link LinearTrainer} with Smile. Weights are stored feature-major so scoring a document
 * reads each of its features' weights once. Immutable and thread-safe.
 */
public final class LinearModel implements LabelScorer {
    private static final int MAGIC = 0x4E484C4D; // "NHLM"
    private final int dimension;
    private final int labels;
    private final float[] weights; // [feature * labels + label]
    private final float[] bias;
    private final LabelWeights scorer;

    LinearModel(int dimension, int labels, float[] weights, float[] bias) {
        this.scorer = new LabelWeights(dimension, labels, weights, bias);
        this.dimension = dimension;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
    }

    @Override
    public int labelCount() {
        return labels;
    }

    @Override
    public float[][] scores(List<SparseVector> documents) {
        return scorer.scores(documents);
    }

    public float[] score(SparseVector x) {
        return scorer.score(x);
    }

    /** The per-feature weights scoring uses. */
    LabelWeights weights() {
        return scorer;
    }

    /** The label probabilities of a whole article (row 0) and of each of its passages. */
    public float[][] scoreArticle(ArticleFeatures article) {
        return scorer.scoreArticle(article);
    }

    /** How much each feature of {@code x} adds to the logit of {@code label}. */
    public float[] contributions(SparseVector x, int label) {
        return scorer.contributions(x, label);
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(dimension);
        out.writeInt(labels);
        for (float b : bias) {
            out.writeFloat(b);
        }
        for (float w : weights) {
            out.writeFloat(w);
        }
    }

    /** Reads a model written by {@link #write} from a file of {@code bytes} bytes, checking its shape against the size first. */
    public static LinearModel read(DataInputStream in, long bytes) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a linear model file");
        }
        int dimension = in.readInt();
        int labels = in.readInt();
        if (dimension < 0 || labels < 1 || 12 + 4L * labels + 4L * dimension * labels != bytes) {
            throw new IOException("linear model shape " + dimension + " x " + labels + " does not match the file size of " + bytes + " bytes");
        }
        float[] bias = new float[labels];
        for (int l = 0; l < labels; l++) {
            bias[l] = in.readFloat();
        }
        float[] weights = new float[dimension * labels];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = in.readFloat();
        }
        return new LinearModel(dimension, labels, weights, bias);
    }
}
