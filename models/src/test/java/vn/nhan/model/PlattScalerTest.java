package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Platt scaling on tiny held-out score sets: recovery of a known map, and the separable and degenerate cases. */
class PlattScalerTest {

    @Test
    void recoversTheSlopeAndInterceptThatGeneratedTheLabels() {
        Random random = new Random(3);
        int n = 20_000;
        float[] scores = new float[n];
        boolean[] gold = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = (float) (0.02 + 0.96 * random.nextDouble());
            double p = Sigmoid.of(2.0 * Sigmoid.logit(scores[i]) - 1.0);
            gold[i] = random.nextDouble() < p;
        }
        double[] ab = PlattScaler.fit(scores, gold);
        assertEquals(2.0, ab[0], 0.1);
        assertEquals(-1.0, ab[1], 0.1);
    }

    @Test
    void perfectlySeparatedScoresGiveAFiniteMapThatKeepsTheOrderAndStaysInsidePlattsTargets() {
        float[] scores = {0.9f, 0.95f, 0.99f, 0.9f, 0.1f, 0.05f, 0.01f, 0.1f, 0.2f, 0.15f};
        boolean[] gold = {true, true, true, true, false, false, false, false, false, false};
        double[] ab = PlattScaler.fit(scores, gold);
        assertTrue(Double.isFinite(ab[0]) && Double.isFinite(ab[1]), "a=" + ab[0] + ", b=" + ab[1]);
        assertTrue(ab[0] > 0, "the map must keep the order of the scores, a=" + ab[0]);
        double high = 5.0 / 6.0; // (positives + 1) / (positives + 2)
        double low = 1.0 / 8.0; // 1 / (negatives + 2)
        for (int i = 0; i < scores.length; i++) {
            float p = PlattScaler.apply(ab[0], ab[1], scores[i]);
            if (gold[i]) {
                assertTrue(p > 0.5 && p < 0.99, "positive " + scores[i] + " -> " + p);
            } else {
                assertTrue(p < 0.5 && p > 0.01, "negative " + scores[i] + " -> " + p);
            }
        }
        // at the optimum the intercept's gradient is zero: the calibrated scores average to the smoothed targets
        double mean = 0;
        for (float score : scores) {
            mean += PlattScaler.apply(ab[0], ab[1], score) / scores.length;
        }
        assertEquals((4 * high + 6 * low) / 10, mean, 1e-3);
    }

    @Test
    void separatedScoresAtTheExtremesOrInATinyRangeStillGiveAFiniteOrderKeepingMap() {
        boolean[] gold = {true, true, false, false, false};
        float[][] cases = {
            {0.999999f, 0.99999f, 0.000001f, 0.00001f, 0.0001f},
            {0.5002f, 0.5001f, 0.4999f, 0.4998f, 0.49985f},
            {0.51f, 0.9f, 0.5f, 0.49f, 0.1f},
        };
        for (float[] scores : cases) {
            double[] ab = PlattScaler.fit(scores, gold);
            assertTrue(Double.isFinite(ab[0]) && Double.isFinite(ab[1]), java.util.Arrays.toString(scores) + ": a=" + ab[0] + ", b=" + ab[1]);
            double loss = logLoss(ab, scores, gold);
            assertTrue(loss <= logLoss(new double[] {1, 0}, scores, gold) + 1e-9, java.util.Arrays.toString(scores) + ": worse than the identity");
            for (int i = 0; i < 2; i++) {
                for (int j = 2; j < scores.length; j++) {
                    assertTrue(PlattScaler.apply(ab[0], ab[1], scores[i]) > PlattScaler.apply(ab[0], ab[1], scores[j]),
                            java.util.Arrays.toString(scores) + ": order lost, a=" + ab[0]);
                }
            }
        }
    }

    /** Log-loss against Platt's smoothed targets (2 positives, 3 negatives), with the fit's small pull of a towards 1. */
    private static double logLoss(double[] ab, float[] scores, boolean[] gold) {
        double loss = 0.5e-3 * (ab[0] - 1) * (ab[0] - 1);
        for (int i = 0; i < scores.length; i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, Sigmoid.of(ab[0] * Sigmoid.logit(scores[i]) + ab[1])));
            double t = gold[i] ? 3.0 / 4.0 : 1.0 / 5.0;
            loss -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
        }
        return loss;
    }

    @Test
    void identicalScoresMapToTheSmoothedBaseRate() {
        float[] scores = new float[10];
        java.util.Arrays.fill(scores, 0.5f);
        boolean[] gold = {true, true, true, false, false, false, false, false, false, false};
        double[] ab = PlattScaler.fit(scores, gold);
        assertTrue(Double.isFinite(ab[0]) && Double.isFinite(ab[1]));
        // logit(0.5) = 0, so only b matters: the mean of the smoothed targets, (3 * 4/5 + 7 * 1/9) / 10
        double expected = (3 * (4.0 / 5.0) + 7 * (1.0 / 9.0)) / 10;
        assertEquals(expected, PlattScaler.apply(ab[0], ab[1], 0.5f), 1e-3);
    }

    @Test
    void aLabelWithOneClassOnlyKeepsTheIdentity() {
        float[] scores = {0.2f, 0.7f, 0.9f};
        assertArrayEquals(new double[] {1, 0}, PlattScaler.fit(scores, new boolean[] {false, false, false}));
        assertArrayEquals(new double[] {1, 0}, PlattScaler.fit(scores, new boolean[] {true, true, true}));
    }

    @Test
    void theFitIsDeterministic() {
        float[] scores = {0.3f, 0.8f, 0.6f, 0.1f, 0.9f, 0.4f};
        boolean[] gold = {false, true, true, false, true, false};
        assertArrayEquals(PlattScaler.fit(scores, gold), PlattScaler.fit(scores, gold));
    }
}
