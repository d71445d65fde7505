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
 * Trains a {@link LinearModel}: one Smile {@code SparseLogisticRegression.binomial} per label on
 * the sparse TF-IDF rows (binary relevance), labels trained in parallel. A label with no positive
 * (or no negative) example gets a constant model at the smoothed prior.
 */
public final class LinearTrainer {
    private final LinearConfig config;

    public LinearTrainer(LinearConfig config) {
        this.config = config;
    }

    public LinearModel fit(List<SparseVector> rows, boolean[][] gold, int dimension, ProgressListener progress) {
        int labels = gold[0].length;
        SparseDataset data = dataset(rows, dimension);
        float[] weights = new float[dimension * labels];
        float[] bias = new float[labels];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, labels).parallel().forEach(l -> {
            fitLabel(data, column(gold, l), dimension, labels, l, weights, bias);
            progress.step("linear", done.incrementAndGet(), labels);
        });
        return new LinearModel(dimension, labels, weights, bias);
    }

    private void fitLabel(SparseDataset data, int[] y, int dimension, int labels, int l, float[] weights, float[] bias) {
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        if (positives == 0 || positives == y.length) {
            bias[l] = (float) Sigmoid.logit((positives + 0.5) / (y.length + 1.0));
            return;
        }
        SparseLogisticRegression.Binomial model = SparseLogisticRegression.binomial(data, y, config.lambda(), config.tolerance(), config.maxIterations());
        double[] w = model.coefficients();
        for (int j = 0; j < dimension; j++) {
            weights[j * labels + l] = (float) w[j];
        }
        bias[l] = (float) w[dimension];
    }

    private static SparseDataset dataset(List<SparseVector> rows, int dimension) {
        List<SparseArray> arrays = new ArrayList<>(rows.size());
        for (SparseVector row : rows) {
            SparseArray a = new SparseArray(row.size());
            for (int i = 0; i < row.size(); i++) {
                a.append(row.ids()[i], row.values()[i]);
            }
            arrays.add(a);
        }
        return SparseDataset.of(arrays, dimension);
    }

    private static int[] column(boolean[][] gold, int l) {
        int[] y = new int[gold.length];
        for (int i = 0; i < gold.length; i++) {
            y[i] = gold[i][l] ? 1 : 0;
        }
        return y;
    }
}
