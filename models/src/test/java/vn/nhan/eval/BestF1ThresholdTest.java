package vn.nhan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link MultiLabelEvaluator#bestF1Threshold} on small cases worked out by hand. */
class BestF1ThresholdTest {

    private static final double EPS = 1e-9;

    @Test
    void choosesMidpointBelowTheBestCut() {
        // scores 0.9 (gold), 0.8, 0.3 (gold), 0.1 ; 2 positives; F1 = 2tp / (tp + fp + 2)
        // keep >=0.9: 2/3; >=0.8: 2/4; >=0.3: 4/5 (best); >=0.1: 4/6
        // threshold midway between 0.3 and the next lower score 0.1 = 0.2
        ThresholdChoice choice = MultiLabelEvaluator.bestF1Threshold(
                new float[] {0.9f, 0.8f, 0.1f, 0.3f}, new boolean[] {true, false, false, true});
        assertEquals(0.2f, choice.threshold(), 1e-6);
        assertEquals(0.8, choice.f1(), EPS);
    }

    @Test
    void tiesPreferTheHigherThreshold() {
        // scores 0.9 (gold), 0.8, 0.7, 0.6 (gold): keep >=0.9: 2/3; >=0.8: 2/4; >=0.7: 2/5; all: 4/6 = 2/3
        // 0.9 and "all" tie at 2/3: the higher threshold, midway between 0.9 and 0.8, wins
        ThresholdChoice choice = MultiLabelEvaluator.bestF1Threshold(
                new float[] {0.9f, 0.8f, 0.7f, 0.6f}, new boolean[] {true, false, false, true});
        assertEquals(0.85f, choice.threshold(), 1e-6);
        assertEquals(2.0 / 3, choice.f1(), EPS);
    }

    @Test
    void equalScoresStayOnTheSameSide() {
        // 0.5 (gold), 0.5, 0.2: keep >=0.5: 2/(1+1+1) = 2/3; all: 2/(1+2+1) = 1/2 -> midway 0.5/0.2
        ThresholdChoice choice = MultiLabelEvaluator.bestF1Threshold(
                new float[] {0.5f, 0.5f, 0.2f}, new boolean[] {true, false, false});
        assertEquals(0.35f, choice.threshold(), 1e-6);
        assertEquals(2.0 / 3, choice.f1(), EPS);
    }

    @Test
    void predictingEverythingUsesTheLowestScore() {
        // all gold: keeping everything gives F1 1 at threshold = lowest score
        ThresholdChoice choice = MultiLabelEvaluator.bestF1Threshold(
                new float[] {0.4f, 0.2f, 0.3f}, new boolean[] {true, true, true});
        assertEquals(0.2f, choice.threshold());
        assertEquals(1.0, choice.f1(), EPS);
    }

    @Test
    void noPositivesGivesDefault() {
        ThresholdChoice choice = MultiLabelEvaluator.bestF1Threshold(
                new float[] {0.9f, 0.1f}, new boolean[] {false, false});
        assertEquals(0.5f, choice.threshold());
        assertEquals(0.0, choice.f1());
        assertEquals(new ThresholdChoice(0.5f, 0.0),
                MultiLabelEvaluator.bestF1Threshold(new float[0], new boolean[0]));
    }

    @Test
    void adjacentFloatsStillSeparate() {
        float high = 0.5f;
        float low = Math.nextDown(high);
        ThresholdChoice choice = MultiLabelEvaluator.bestF1Threshold(
                new float[] {high, low}, new boolean[] {true, false});
        assertTrue(choice.threshold() > low && choice.threshold() <= high);
        assertEquals(1.0, choice.f1(), EPS);
    }

    @Test
    void matchesBruteForceOnRandomData() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(30);
            float[] scores = new float[n];
            boolean[] gold = new boolean[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(10) / 10f;
                gold[i] = random.nextInt(3) == 0;
            }
            ThresholdChoice choice = MultiLabelEvaluator.bestF1Threshold(scores, gold);
            assertEquals(bruteForceBestF1(scores, gold), choice.f1(), EPS);
            assertEquals(choice.f1(), f1At(scores, gold, choice.threshold()), EPS);
        }
    }

    @Test
    void rejectsBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiLabelEvaluator.bestF1Threshold(new float[3], new boolean[2]));
        assertEquals("scores has 3 entries but gold has 2, expected one entry per document in both",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultiLabelEvaluator.bestF1Threshold(new float[] {0f, Float.NaN}, new boolean[2]));
        assertEquals("scores[1] is NaN, expected a finite score", e.getMessage());
        NullPointerException npe = assertThrows(NullPointerException.class,
                () -> MultiLabelEvaluator.bestF1Threshold(null, new boolean[2]));
        assertEquals("scores must not be null", npe.getMessage());
    }

    private static double bruteForceBestF1(float[] scores, boolean[] gold) {
        double best = 0;
        for (float threshold : scores) {
            best = Math.max(best, f1At(scores, gold, threshold));
        }
        return best;
    }

    private static double f1At(float[] scores, boolean[] gold, float threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            tp += predicted && gold[i] ? 1 : 0;
            fp += predicted && !gold[i] ? 1 : 0;
            fn += !predicted && gold[i] ? 1 : 0;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    }
}
