package vn.nhan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import smile.classification.SparseLogisticRegression;
import smile.data.SparseDataset;
import smile.util.IntSet;
import smile.util.SparseArray;
import vn.nhan.features.SparseVector;

/**
 * Trains a {@link LinearModel}: one Smile {@code SparseLogisticRegression.Binomial} per label on
 * the sparse TF-IDF rows (binary relevance), labels in parallel, fitted by Smile's L-BFGS or by
 * Smile's online SGD updates (see {@link LinearConfig}). A label with no positive (or no negative)
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
        List<SparseArray> arrays = arrays(rows);
        SparseDataset data = solver == LinearConfig.Solver.LBFGS ? SparseDataset.of(arrays, dimension) : null;
        float[] weights = new float[dimension * labels];
        float[] bias = new float[labels];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, labels).parallel().forEach(l -> {
            int[] y = column(gold, l);
            double[] w = isConstant(y) ? null
                    : solver == LinearConfig.Solver.LBFGS ? lbfgs(data, y) : sgd(arrays, y, dimension, seed + l);
            store(w, y, dimension, labels, l, weights, bias);
            progress.step("linear (" + solver.name().toLowerCase() + ")", done.incrementAndGet(), labels);
        });
        return new LinearModel(dimension, labels, weights, bias);
    }

    private double[] lbfgs(SparseDataset data, int[] y) {
        return SparseLogisticRegression.binomial(data, y, config.lambda(), config.tolerance(), config.maxIterations()).coefficients();
    }

    /** Smile's online updates over seeded shuffles, learning rate decaying linearly. */
    private double[] sgd(List<SparseArray> arrays, int[] y, int dimension, long labelSeed) {
        SparseLogisticRegression.Binomial model = new SparseLogisticRegression.Binomial(new double[dimension + 1], 0.0, 0.0, IntSet.of(2));
        Random random = new Random(labelSeed);
        int epochs = config.sgdEpochs(arrays.size());
        int[] order = IntStream.range(0, arrays.size()).toArray();
        long total = (long) epochs * order.length;
        long step = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Shuffling.shuffle(order, random);
            for (int i : order) {
                if (step % 256 == 0) {
                    model.setLearningRate(config.sgdLearningRate() * Math.max(0.01, 1.0 - (double) step / total));
                }
                model.update(arrays.get(i), y[i]);
                step++;
            }
        }
        return model.coefficients();
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
