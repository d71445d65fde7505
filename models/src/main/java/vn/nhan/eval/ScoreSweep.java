package vn.nhan.eval;

import java.util.Arrays;

/**
 * Cumulative confusion counts of one label when it is predicted for every document scoring at or
 * above each distinct score, from the highest score down. Built in O(n log n) with two primitive
 * sorts and one merge.
 */
final class ScoreSweep {

    /** Distinct scores, strictly decreasing. */
    final float[] scores;
    /** {@code truePositives[i]}: gold documents with score {@code >= scores[i]}. */
    final int[] truePositives;
    /** {@code falsePositives[i]}: non-gold documents with score {@code >= scores[i]}. */
    final int[] falsePositives;
    /** Number of gold documents. */
    final int positives;

    private ScoreSweep(float[] scores, int[] truePositives, int[] falsePositives, int positives) {
        this.scores = scores;
        this.truePositives = truePositives;
        this.falsePositives = falsePositives;
        this.positives = positives;
    }

    static ScoreSweep of(float[] scores, boolean[] gold) {
        float[] positive = ascending(scores, gold, true);
        float[] negative = ascending(scores, gold, false);
        return merge(positive, negative);
    }

    int size() {
        return scores.length;
    }

    /** Recall at cut-off {@code i}; 0 when the label has no positives. */
    double recall(int i) {
        return Counts.ratio(truePositives[i], positives);
    }

    /** Precision at cut-off {@code i}; every cut-off predicts at least one document. */
    double precision(int i) {
        return Counts.ratio(truePositives[i], truePositives[i] + falsePositives[i]);
    }

    private static float[] ascending(float[] scores, boolean[] gold, boolean wanted) {
        float[] selected = new float[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (gold[i] == wanted) {
                selected[n++] = scores[i] + 0.0f; // turns -0.0 into 0.0, which compare equal
            }
        }
        float[] result = Arrays.copyOf(selected, n);
        Arrays.sort(result);
        return result;
    }

    private static ScoreSweep merge(float[] positive, float[] negative) {
        int capacity = positive.length + negative.length;
        float[] distinct = new float[capacity];
        int[] tp = new int[capacity];
        int[] fp = new int[capacity];
        int p = positive.length - 1;
        int q = negative.length - 1;
        int n = 0;
        int tpSoFar = 0;
        int fpSoFar = 0;
        while (p >= 0 || q >= 0) {
            float score = p < 0 ? negative[q] : q < 0 ? positive[p] : Math.max(positive[p], negative[q]);
            for (; p >= 0 && positive[p] == score; p--) {
                tpSoFar++;
            }
            for (; q >= 0 && negative[q] == score; q--) {
                fpSoFar++;
            }
            distinct[n] = score;
            tp[n] = tpSoFar;
            fp[n] = fpSoFar;
            n++;
        }
        return new ScoreSweep(Arrays.copyOf(distinct, n), Arrays.copyOf(tp, n),
                Arrays.copyOf(fp, n), positive.length);
    }
}
