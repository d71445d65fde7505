package vn.nhan.model;

import java.util.List;
import vn.nhan.features.SparseVector;

/**
 * A weight per feature and label plus a bias per label, scored as {@code sigmoid(bias + sum_i x_i
 * w[id_i])}: what both the linear model and the folded neural model are at scoring time. Weights
 * are feature-major ({@code weights[feature * labels + label]}), so a document reads one short row
 * per feature. Features at or beyond {@code features} add nothing. Immutable and thread-safe.
 */
final class LabelWeights {
    private final int features;
    private final int labels;
    private final float[] weights;
    private final float[] bias;

    LabelWeights(int features, int labels, float[] weights, float[] bias) {
        if (weights.length != (long) features * labels || bias.length != labels) {
            throw new IllegalArgumentException("weights must hold " + features + " x " + labels + " values and bias " + labels
                    + ", got " + weights.length + " and " + bias.length);
        }
        this.features = features;
        this.labels = labels;
        this.weights = weights;
        this.bias = bias;
    }

    int labels() {
        return labels;
    }

    /** The label probabilities of one document. */
    float[] score(SparseVector x) {
        float[] z = bias.clone();
        int[] ids = x.ids();
        float[] values = x.values();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < features) {
                int base = ids[i] * labels;
                float v = values[i];
                for (int l = 0; l < labels; l++) {
                    z[l] += v * weights[base + l];
                }
            }
        }
        for (int l = 0; l < labels; l++) {
            z[l] = Sigmoid.of(z[l]);
        }
        return z;
    }

    float[][] scores(List<SparseVector> documents) {
        float[][] out = new float[documents.size()][];
        for (int d = 0; d < out.length; d++) {
            out[d] = score(documents.get(d));
        }
        return out;
    }

    /** How much each feature of {@code x} adds to the logit of {@code label}. */
    float[] contributions(SparseVector x, int label) {
        float[] c = new float[x.size()];
        for (int i = 0; i < c.length; i++) {
            int id = x.ids()[i];
            c[i] = id < features ? x.values()[i] * weights[id * labels + label] : 0f;
        }
        return c;
    }
}
