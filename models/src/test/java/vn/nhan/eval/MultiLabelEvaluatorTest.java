package vn.nhan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every metric on a 4-document, 3-label example computed by hand.
 *
 * <pre>
 * labels a, b, c; every threshold 0.5
 *
 *        gold      scores (a, b, c)    predicted   top-scored
 *   d0   {a, b}    0.9  0.4  0.2       {a}         a  (gold)
 *   d1   {b}       0.8  0.7  0.1       {a, b}      a  (not gold)
 *   d2   {}        0.1  0.2  0.3       {}          c  (d2 has no gold: not counted in P@1)
 *   d3   {a, c}    0.3  0.3  0.7       {c}         c  (gold)
 * </pre>
 */
class MultiLabelEvaluatorTest {

    private static final double EPS = 1e-9;
    private static final MultiLabelEvaluator EVALUATOR = new MultiLabelEvaluator(List.of("a", "b", "c"));
    private static final boolean T = true;
    private static final boolean F = false;
    private static final boolean[][] GOLD = {
            {T, T, F},
            {F, T, F},
            {F, F, F},
            {T, F, T},
    };
    private static final float[][] SCORES = {
            {0.9f, 0.4f, 0.2f},
            {0.8f, 0.7f, 0.1f},
            {0.1f, 0.2f, 0.3f},
            {0.3f, 0.3f, 0.7f},
    };
    private static final float[] THRESHOLDS = {0.5f, 0.5f, 0.5f};

    private final MultiLabelEvaluation result = EVALUATOR.evaluate(GOLD, SCORES, THRESHOLDS);

    @Test
    void perLabelCounts() {
        // a: gold d0,d3; predicted d0,d1 -> tp 1 (d0), fp 1 (d1), fn 1 (d3): P 1/2, R 1/2, F1 1/2
        assertLabel("a", 0.5, 0.5, 0.5, 2, 2);
        // b: gold d0,d1; predicted d1 -> tp 1, fp 0, fn 1 (d0): P 1, R 1/2, F1 2/(2+0+1) = 2/3
        assertLabel("b", 1.0, 0.5, 2.0 / 3, 2, 1);
        // c: gold d3; predicted d3 -> tp 1: P 1, R 1, F1 1
        assertLabel("c", 1.0, 1.0, 1.0, 1, 1);
        assertEquals(List.of("a", "b", "c"), List.copyOf(result.perLabel().keySet()));
        assertEquals(0.5f, result.perLabel().get("a").threshold());
    }

    @Test
    void microAveragesPoolCounts() {
        // pooled tp 3, fp 1, fn 2: P 3/4, R 3/5, F1 6/(6+1+2) = 2/3
        assertEquals(0.75, result.microPrecision(), EPS);
        assertEquals(0.6, result.microRecall(), EPS);
        assertEquals(2.0 / 3, result.microF1(), EPS);
        assertEquals(4, result.nDocuments());
    }

    @Test
    void macroAveragesMeanPerLabelValues() {
        // P (1/2 + 1 + 1)/3 = 5/6; R (1/2 + 1/2 + 1)/3 = 2/3; F1 (1/2 + 2/3 + 1)/3 = 13/18
        assertEquals(5.0 / 6, result.macroPrecision(), EPS);
        assertEquals(2.0 / 3, result.macroRecall(), EPS);
        assertEquals(13.0 / 18, result.macroF1(), EPS);
    }

    @Test
    void documentMetrics() {
        // per-document F1: d0 2*1/(2+1) = 2/3, d1 2*1/(1+2) = 2/3, d2 empty/empty = 1, d3 2/3
        // samples F1 = (2/3 * 3 + 1) / 4 = 3/4
        assertEquals(0.75, result.samplesF1(), EPS);
        // wrong cells: d0 b missed, d1 a extra, d3 a missed = 3 of 12
        assertEquals(0.25, result.hammingLoss(), EPS);
        // exact matches: only d2
        assertEquals(0.25, result.subsetAccuracy(), EPS);
        // documents with gold: d0 (top a, gold), d1 (top a, not gold), d3 (top c, gold) = 2/3
        assertEquals(2.0 / 3, result.precisionAt1(), EPS);
    }

    @Test
    void precisionRecallCurveOfLabelA() {
        // label a scores by decreasing value: 0.9 (gold), 0.8, 0.3 (gold), 0.1
        // cut-offs: >=0.9 P 1 R 1/2; >=0.8 P 1/2 R 1/2; >=0.3 P 2/3 R 1; >=0.1 P 1/2 R 1
        // one point per recall level, the highest threshold reaching it: (0.9, 1, 1/2), (0.3, 2/3, 1)
        List<CurvePoint> curve = result.perLabel().get("a").prCurve();
        assertEquals(2, curve.size());
        assertPoint(curve.get(0), 0.9f, 1.0, 0.5);
        assertPoint(curve.get(1), 0.3f, 2.0 / 3, 1.0);
    }

    @Test
    void curveIsCappedAndSpreadOverRecall() {
        int n = 1000;
        boolean[][] gold = new boolean[n][1];
        float[][] scores = new float[n][1];
        for (int i = 0; i < n; i++) {
            gold[i][0] = i % 3 != 0;
            scores[i][0] = (float) i / n;
        }
        List<CurvePoint> curve = new MultiLabelEvaluator(List.of("x")).evaluate(gold, scores, new float[] {0.5f})
                .perLabel().get("x").prCurve();
        assertTrue(curve.size() <= 50 && curve.size() >= 45, "curve has " + curve.size() + " points");
        assertEquals(1.0, curve.get(curve.size() - 1).recall(), EPS);
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).recall() > curve.get(i - 1).recall());
            assertTrue(curve.get(i).threshold() < curve.get(i - 1).threshold());
        }
    }

    @Test
    void microF1Helper() {
        boolean[][] predicted = MultiLabelEvaluator.predict(SCORES, THRESHOLDS);
        assertEquals(2.0 / 3, MultiLabelEvaluator.microF1(GOLD, predicted), EPS);
        assertEquals(0.0, MultiLabelEvaluator.microF1(new boolean[2][3], new boolean[2][3]));
        assertEquals(0.0, MultiLabelEvaluator.microF1(new boolean[0][], new boolean[0][]));
    }

    @Test
    void allEmptyIsPerfectPerDocumentButHasNoMacroLabels() {
        // nothing gold, nothing predicted: every document is a correct "no label"
        float[][] low = {{0.1f, 0.2f, 0.3f}, {0.0f, 0.0f, 0.0f}};
        MultiLabelEvaluation empty = EVALUATOR.evaluate(new boolean[2][3], low, THRESHOLDS);
        assertEquals(1.0, empty.samplesF1());
        assertEquals(1.0, empty.subsetAccuracy());
        assertEquals(0.0, empty.hammingLoss());
        // zero_division = 0 for pooled ratios; no label present, so the macro means are 0
        assertEquals(0.0, empty.microF1());
        assertEquals(0.0, empty.microPrecision());
        assertEquals(0.0, empty.macroF1());
        // no document has a gold label
        assertEquals(0.0, empty.precisionAt1());
        assertTrue(empty.perLabel().values().stream().allMatch(LabelEvaluation::isAbsent));
        assertTrue(empty.perLabel().get("a").prCurve().isEmpty());
    }

    @Test
    void labelWithNoSupportAndNoPredictionsIsLeftOutOfMacro() {
        // c never gold and never predicted (scores < 0.5)
        //        gold      scores (a, b, c)   predicted
        //   d0   {a}       0.9 0.1 0.1        {a}
        //   d1   {b}       0.6 0.8 0.2        {a, b}
        //   d2   {a}       0.2 0.3 0.4        {}
        // a: tp 1 fp 1 fn 1 -> P 1/2 R 1/2 F1 1/2; b: tp 1 -> P R F1 1; c: absent
        // macro over a, b only: P 3/4, R 3/4, F1 3/4
        boolean[][] gold = {{T, F, F}, {F, T, F}, {T, F, F}};
        float[][] scores = {{0.9f, 0.1f, 0.1f}, {0.6f, 0.8f, 0.2f}, {0.2f, 0.3f, 0.4f}};
        MultiLabelEvaluation r = EVALUATOR.evaluate(gold, scores, THRESHOLDS);
        assertEquals(0.75, r.macroPrecision(), EPS);
        assertEquals(0.75, r.macroRecall(), EPS);
        assertEquals(0.75, r.macroF1(), EPS);
        LabelEvaluation c = r.perLabel().get("c");
        assertEquals(0, c.support());
        assertEquals(0.0, c.f1());
        assertTrue(c.isAbsent());
    }

    @Test
    void labelWithNoSupportButPredictedCountsAsZeroInMacro() {
        // same as above but c is predicted for d2 (0.6 >= 0.5): c tp 0 fp 1 -> P R F1 0, kept
        // macro F1 = (1/2 + 1 + 0) / 3 = 1/2
        boolean[][] gold = {{T, F, F}, {F, T, F}, {T, F, F}};
        float[][] scores = {{0.9f, 0.1f, 0.1f}, {0.6f, 0.8f, 0.2f}, {0.2f, 0.3f, 0.6f}};
        MultiLabelEvaluation r = EVALUATOR.evaluate(gold, scores, THRESHOLDS);
        assertEquals(0.5, r.macroF1(), EPS);
        assertEquals(1, r.perLabel().get("c").predictedCount());
        assertFalse(r.perLabel().get("c").isAbsent());
    }

    @Test
    void scoreEqualToThresholdIsPredicted() {
        boolean[][] predicted = MultiLabelEvaluator.predict(new float[][] {{0.5f, 0.49f}}, new float[] {0.5f, 0.5f});
        assertTrue(predicted[0][0]);
        assertFalse(predicted[0][1]);
    }

    @Test
    void resultIsImmutable() {
        assertThrows(UnsupportedOperationException.class, () -> result.perLabel().remove("a"));
        assertThrows(UnsupportedOperationException.class,
                () -> result.perLabel().get("a").prCurve().clear());
    }

    private void assertLabel(String id, double p, double r, double f1, int support, int predicted) {
        LabelEvaluation label = result.perLabel().get(id);
        assertEquals(p, label.precision(), EPS, id + " precision");
        assertEquals(r, label.recall(), EPS, id + " recall");
        assertEquals(f1, label.f1(), EPS, id + " f1");
        assertEquals(support, label.support(), id + " support");
        assertEquals(predicted, label.predictedCount(), id + " predicted");
    }

    private static void assertPoint(CurvePoint point, float threshold, double precision, double recall) {
        assertEquals(threshold, point.threshold());
        assertEquals(precision, point.precision(), EPS);
        assertEquals(recall, point.recall(), EPS);
    }
}
