package vn.nhan.model;

import java.util.List;
import vn.nhan.features.ArticleFeatures;
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

    int features() {
        return features;
    }

    /** Feature {@code f}'s weight for {@code label} (0 beyond the table). */
    float weight(int f, int label) {
        return f < features ? weights[f * labels + label] : 0f;
    }

    float bias(int label) {
        return bias[label];
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

    /**
     * The label probabilities of a whole article (row 0) and of each of its passages (rows 1..P).
     * Each distinct key's weight row is read from the large table once, into a small local table,
     * and every passage reads it from there: the passages cost no further cache misses.
     */
    float[][] scoreArticle(ArticleFeatures article) {
        int passages = article.passageCount();
        float[][] out = new float[passages + 1][];
        if (passages == 0) {
            out[0] = score(article.whole());
            return out;
        }
        int[] keyIds = article.keyIds();
        float[] local = new float[keyIds.length * labels];
        for (int k = 0; k < keyIds.length; k++) {
            int id = keyIds[k];
            if (id >= 0 && id < features) {
                System.arraycopy(weights, id * labels, local, k * labels, labels);
            }
        }
        out[0] = scoreLocal(local, article.wholeKeys(), article.whole().values());
        for (int p = 0; p < passages; p++) {
            out[p + 1] = scoreLocal(local, article.passageKeys()[p], article.passages()[p].values());
        }
        return out;
    }

    private float[] scoreLocal(float[] local, int[] keys, float[] values) {
        float[] z = bias.clone();
        for (int i = 0; i < keys.length; i++) {
            int base = keys[i] * labels;
            float v = values[i];
            for (int l = 0; l < labels; l++) {
                z[l] += v * local[base + l];
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
