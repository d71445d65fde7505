package vn.nhan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;
import smile.util.SparseArray;
import vn.nhan.features.SparseVector;

/**
 * Trains a {@link LinearModel}: one logistic regression per label on the sparse TF-IDF rows
 * (binary relevance), fitted by Smile's {@code SparseLogisticRegression} L-BFGS (labels in
 * parallel) or, on large corpora, by the same online SGD updates Smile makes, run over the float
 * rows for all labels at once ({@link LogisticSgd}; see {@link LinearConfig}). A label with no positive (or no negative)
 * example gets a constant model at the smoothed prior. Deterministic for a given seed.
 */
public final class LinearTrainer {
    private final LinearConfig config;
    private final long seed;

    public LinearTrainer(LinearConfig config, long seed) {
        this.config = config;
        this.seed = seed;
    }

    public LinearModel fit(List<SparseVector> rows, boolean[][] gold, int dimension, ProgressListener progress) {
        int labels = gold[0].length;
        long nonZeros = rows.stream().mapToLong(SparseVector::size).sum();
        LinearConfig.Solver solver = config.solverFor(rows.size(), nonZeros);
        progress.detail("linear: " + rows.size() + " rows, " + nonZeros + " non-zero features, " + solver.id());
        float[] weights = new float[dimension * labels];
        float[] bias = new float[labels];
        if (solver == LinearConfig.Solver.SGD) {
            boolean[] fitted = new boolean[labels];
            for (int l = 0; l < labels; l++) {
                int[] y = column(gold, l);
                fitted[l] = !isConstant(y);
                if (!fitted[l]) {
                    store(null, y, dimension, labels, l, weights, bias);
                }
            }
            LogisticSgd.fit(rows, gold, fitted, dimension, config.sgdEpochs(rows.size()), config.sgdLearningRate(), seed, weights, bias);
            progress.step("linear (sgd)", labels, labels);
            return new LinearModel(dimension, labels, weights, bias);
        }
        SparseDataset data = SparseDataset.of(arrays(rows), dimension);
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, labels).parallel().forEach(l -> {
            int[] y = column(gold, l);
            double[] w = isConstant(y) ? null : lbfgs(data, y);
            store(w, y, dimension, labels, l, weights, bias);
            progress.step("linear (lbfgs)", done.incrementAndGet(), labels);
        });
        return new LinearModel(dimension, labels, weights, bias);
    }

    private double[] lbfgs(SparseDataset data, int[] y) {
        return SparseLogisticRegression.binomial(data, y, config.lambda(), config.tolerance(), config.maxIterations()).coefficients();
    }

    private static void store(double[] w, int[] y, int dimension, int labels, int l, float[] weights, float[] bias) {
        if (w == null) {
            int positives = IntStream.of(y).sum();
            bias[l] = (float) Sigmoid.logit((positives + 0.5) / (y.length + 1.0));
            return;
        }
        for (int j = 0; j < dimension; j++) {
            weights[j * labels + l] = (float) w[j];
        }
        bias[l] = (float) w[dimension];
    }

    private static boolean isConstant(int[] y) {
        int positives = IntStream.of(y).sum();
        return positives == 0 || positives == y.length;
    }

    private static List<SparseArray> arrays(List<SparseVector> rows) {
        List<SparseArray> arrays = new ArrayList<>(rows.size());
        for (SparseVector row : rows) {
            SparseArray a = new SparseArray(row.size());
            for (int i = 0; i < row.size(); i++) {
                a.append(row.ids()[i], row.values()[i]);
            }
            arrays.add(a);
        }
        return arrays;
    }

    private static int[] column(boolean[][] gold, int l) {
        int[] y = new int[gold.length];
        for (int i = 0; i < gold.length; i++) {
            y[i] = gold[i][l] ? 1 : 0;
        }
        return y;
    }
}
