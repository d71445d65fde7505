package vn.nhan.model;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import vn.nhan.features.SparseVector;

/**
 * Binary-relevance logistic regression fitted by online SGD straight on the float rows, all labels
 * of a group in one pass: the update Smile's {@code SparseLogisticRegression.Binomial.update} makes
 * ({@code w += rate * (y - sigmoid(w.x + b)) * x}, no penalty), with the weights of a feature for
 * every label side by side, so that one article reads each of its feature rows once instead of once
 * per label. Labels are split into as many groups as there are cores, each group on its own
 * thread with its own array, so the result does not depend on the number of threads. Documents
 * come in one seeded shuffle per epoch, the learning rate decays linearly (refreshed every 256
 * updates, at least 1% of the initial rate). Deterministic for a given seed.
 */
final class LogisticSgd {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private LogisticSgd() {
    }

    /**
     * Fits the labels {@code fitted} (the others are left alone) into {@code weights}
     * ({@code weights[j * labels + l]}) and {@code bias}.
     */
    static void fit(List<SparseVector> rows, boolean[][] gold, boolean[] fitted, int dimension, int epochs, double learningRate, long seed,
                    float[] weights, float[] bias) {
        int labels = gold[0].length;
        int[] chosen = IntStream.range(0, labels).filter(l -> fitted[l]).toArray();
        int groups = Math.max(1, Math.min(THREADS, chosen.length));
        IntStream.range(0, groups).parallel().forEach(g -> {
            int from = g * chosen.length / groups;
            int to = (g + 1) * chosen.length / groups;
            fitGroup(rows, gold, java.util.Arrays.copyOfRange(chosen, from, to), dimension, epochs, learningRate, seed, weights, bias);
        });
    }

    private static void fitGroup(List<SparseVector> rows, boolean[][] gold, int[] group, int dimension, int epochs, double learningRate,
                                 long seed, float[] weights, float[] bias) {
        int k = group.length;
        if (k == 0) {
            return;
        }
        int labels = gold[0].length;
        float[] w = new float[dimension * k];
        float[] b = new float[k];
        float[] g = new float[k];
        Random random = new Random(seed);
        int[] order = IntStream.range(0, rows.size()).toArray();
        long total = (long) epochs * order.length;
        long step = 0;
        float rate = (float) learningRate;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Shuffling.shuffle(order, random);
            for (int i : order) {
                if (step % 256 == 0) {
                    rate = (float) (learningRate * Math.max(0.01, 1.0 - (double) step / total));
                }
                SparseVector x = rows.get(i);
                int[] ids = x.ids();
                float[] values = x.values();
                for (int c = 0; c < k; c++) {
                    g[c] = b[c];
                }
                for (int e = 0; e < ids.length; e++) {
                    int row = ids[e] * k;
                    float v = values[e];
                    for (int c = 0; c < k; c++) {
                        g[c] += w[row + c] * v;
                    }
                }
                boolean[] y = gold[i];
                for (int c = 0; c < k; c++) {
                    g[c] = rate * ((y[group[c]] ? 1f : 0f) - Sigmoid.of(g[c]));
                    b[c] += g[c];
                }
                for (int e = 0; e < ids.length; e++) {
                    int row = ids[e] * k;
                    float v = values[e];
                    for (int c = 0; c < k; c++) {
                        w[row + c] += g[c] * v;
                    }
                }
                step++;
            }
        }
        for (int j = 0; j < dimension; j++) {
            for (int c = 0; c < k; c++) {
                weights[j * labels + group[c]] = w[j * k + c];
            }
        }
        for (int c = 0; c < k; c++) {
            bias[group[c]] = b[c];
        }
    }
}
