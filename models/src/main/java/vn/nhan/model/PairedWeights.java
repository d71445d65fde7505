package vn.nhan.model;

import vn.nhan.features.ArticleFeatures;

/**
 * The per-feature weights of an ensemble's two models side by side, {@code [a's labels | b's
 * labels]} in one row per feature, so that scoring reads one row per feature instead of one in
 * each model's table: scoring is bound by those reads, not by arithmetic. Gives the same
 * probabilities as scoring each {@link LabelWeights} alone. Immutable and thread-safe.
 */
final class PairedWeights {
    private final int labels;
    private final int features;
    private final float[] rows; // [feature * 2 * labels + part * labels + label]
    private final float[] bias; // [part * labels + label]

    PairedWeights(LabelWeights a, LabelWeights b) {
        if (a.labels() != b.labels()) {
            throw new IllegalArgumentException("the two models score " + a.labels() + " and " + b.labels() + " labels");
        }
        this.labels = a.labels();
        this.features = Math.max(a.features(), b.features());
        this.rows = new float[features * 2 * labels];
        for (int f = 0; f < features; f++) {
            int base = f * 2 * labels;
            for (int l = 0; l < labels; l++) {
                rows[base + l] = a.weight(f, l);
                rows[base + labels + l] = b.weight(f, l);
            }
        }
        this.bias = new float[2 * labels];
        for (int l = 0; l < labels; l++) {
            bias[l] = a.bias(l);
            bias[labels + l] = b.bias(l);
        }
    }

    /**
     * The probabilities of both models for the whole article (row 0) and each passage:
     * {@code [0]} are model a's rows, {@code [1]} model b's.
     */
    float[][][] scoreArticle(ArticleFeatures article) {
        int passages = article.passageCount();
        float[][][] out = new float[2][passages + 1][];
        int[] keyIds = article.keyIds();
        int width = 2 * labels;
        if (passages == 0) {
            int[] ids = article.whole().ids();
            float[] values = article.whole().values();
            float[] z = bias.clone();
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] < features) {
                    int base = ids[i] * width;
                    float v = values[i];
                    for (int k = 0; k < width; k++) {
                        z[k] += v * rows[base + k];
                    }
                }
            }
            split(z, out, 0);
            return out;
        }
        float[] local = new float[keyIds.length * width];
        for (int k = 0; k < keyIds.length; k++) {
            int id = keyIds[k];
            if (id >= 0 && id < features) {
                System.arraycopy(rows, id * width, local, k * width, width);
            }
        }
        split(logits(local, article.wholeKeys(), article.whole().values()), out, 0);
        for (int p = 0; p < passages; p++) {
            split(logits(local, article.passageKeys()[p], article.passages()[p].values()), out, p + 1);
        }
        return out;
    }

    private float[] logits(float[] local, int[] keys, float[] values) {
        int width = 2 * labels;
        float[] z = bias.clone();
        for (int i = 0; i < keys.length; i++) {
            int base = keys[i] * width;
            float v = values[i];
            for (int k = 0; k < width; k++) {
                z[k] += v * local[base + k];
            }
        }
        return z;
    }

    private void split(float[] z, float[][][] out, int row) {
        float[] a = new float[labels];
        float[] b = new float[labels];
        for (int l = 0; l < labels; l++) {
            a[l] = Sigmoid.of(z[l]);
            b[l] = Sigmoid.of(z[labels + l]);
        }
        out[0][row] = a;
        out[1][row] = b;
    }
}
