package vn.nhan.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates multi-label predictions for a fixed, ordered set of labels, and tunes per-label
 * decision thresholds.
 *
 * <p>Matrices are indexed {@code [document][label]}, labels in the order given to the
 * constructor. A label is predicted for a document when its score is {@code >= } the label's
 * threshold. The metric conventions are documented on {@link MultiLabelEvaluation} and
 * {@link LabelEvaluation}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MultiLabelEvaluator {

    /** Threshold returned by {@link #bestF1Threshold} for a label without positive examples. */
    public static final float DEFAULT_THRESHOLD = 0.5f;

    private final List<String> labelIds;

    /**
     * @param labelIds the label ids, in column order; non-empty, no nulls, no duplicates
     * @throws IllegalArgumentException if the ids are empty, contain null or repeat
     */
    public MultiLabelEvaluator(List<String> labelIds) {
        this.labelIds = EvaluationArguments.checkLabelIds(labelIds);
    }

    /** The label ids in column order. */
    public List<String> labelIds() {
        return labelIds;
    }

    /**
     * Evaluates thresholded scores against gold labels.
     *
     * @param gold       {@code gold[d][l]} is true when document {@code d} has label {@code l}
     * @param scores     {@code scores[d][l]} is the model's (finite) score of label {@code l} for document {@code d}
     * @param thresholds one threshold per label
     * @return every metric, and per-label metrics with precision/recall curves
     * @throws IllegalArgumentException if the shapes disagree, there are no documents, a score is
     *                                  not finite or a threshold is NaN
     */
    public MultiLabelEvaluation evaluate(boolean[][] gold, float[][] scores, float[] thresholds) {
        EvaluationArguments.checkEvaluation(labelIds.size(), gold, scores, thresholds);
        boolean[][] predicted = predict(scores, thresholds);
        Counts pooled = Counts.pooled(gold, predicted);
        Map<String, LabelEvaluation> perLabel = perLabel(gold, predicted, scores, thresholds);
        MacroAverage macro = MacroAverage.of(perLabel.values());
        DocumentMetrics documents = DocumentMetrics.of(gold, predicted, scores);
        return new MultiLabelEvaluation(gold.length,
                pooled.precision(), pooled.recall(), pooled.f1(),
                macro.precision(), macro.recall(), macro.f1(),
                documents.samplesF1(), documents.hammingLoss(), documents.subsetAccuracy(),
                documents.precisionAt1(), perLabel);
    }

    /**
     * Applies per-label thresholds: {@code result[d][l] = scores[d][l] >= thresholds[l]}.
     *
     * @throws IllegalArgumentException if a row does not have one score per threshold
     */
    public static boolean[][] predict(float[][] scores, float[] thresholds) {
        Objects.requireNonNull(scores, "scores must not be null");
        Objects.requireNonNull(thresholds, "thresholds must not be null");
        boolean[][] predicted = new boolean[scores.length][];
        for (int doc = 0; doc < scores.length; doc++) {
            if (scores[doc] == null || scores[doc].length != thresholds.length) {
                throw new IllegalArgumentException("scores[" + doc + "] has "
                        + (scores[doc] == null ? "no row" : scores[doc].length + " columns")
                        + ", expected " + thresholds.length + " (one per threshold)");
            }
            predicted[doc] = new boolean[thresholds.length];
            for (int label = 0; label < thresholds.length; label++) {
                predicted[doc][label] = scores[doc][label] >= thresholds[label];
            }
        }
        return predicted;
    }

    /**
     * Micro-averaged F1 of predicted against gold label sets: {@code 2TP / (2TP + FP + FN)} with
     * counts pooled over all cells; 0 when there is neither a gold nor a predicted label.
     *
     * @throws IllegalArgumentException if the matrices do not have the same shape
     */
    public static double microF1(boolean[][] gold, boolean[][] predicted) {
        EvaluationArguments.checkSameShape(gold, predicted);
        return Counts.pooled(gold, predicted).f1();
    }

    /**
     * The threshold that maximises one label's F1 on the given scores, in O(n log n).
     *
     * <p>Candidate thresholds lie midway between adjacent distinct scores (so every document on
     * the predicted side scores strictly above the threshold and every other one strictly below);
     * predicting every document uses the lowest score itself. Among thresholds with equal F1 the
     * highest is chosen. A label without positive examples gets {@link #DEFAULT_THRESHOLD} and F1 0.
     *
     * @param scores the label's (finite) score for each document, e.g. out-of-fold predictions
     * @param gold   whether each document has the label
     * @throws IllegalArgumentException if the lengths differ or a score is not finite
     */
    public static ThresholdChoice bestF1Threshold(float[] scores, boolean[] gold) {
        EvaluationArguments.checkThresholdTuning(scores, gold);
        ScoreSweep sweep = ScoreSweep.of(scores, gold);
        if (sweep.positives == 0) {
            return new ThresholdChoice(DEFAULT_THRESHOLD, 0.0);
        }
        int best = bestF1Cut(sweep);
        long denominator = (long) sweep.truePositives[best] + sweep.falsePositives[best] + sweep.positives;
        double f1 = Counts.ratio(2L * sweep.truePositives[best], denominator);
        return new ThresholdChoice(thresholdBelow(sweep, best), f1);
    }

    /** The first (highest-threshold) cut-off with the greatest F1, compared exactly in integers. */
    private static int bestF1Cut(ScoreSweep sweep) {
        int best = 0;
        for (int cut = 1; cut < sweep.size(); cut++) {
            // F1 = 2tp / (tp + fp + positives); compare a/b > c/d as a*d > c*b
            long tp = sweep.truePositives[cut];
            long denominator = tp + sweep.falsePositives[cut] + sweep.positives;
            long bestTp = sweep.truePositives[best];
            long bestDenominator = bestTp + sweep.falsePositives[best] + sweep.positives;
            if (tp * bestDenominator > bestTp * denominator) {
                best = cut;
            }
        }
        return best;
    }

    /** A threshold keeping the scores of cut-offs 0..cut and rejecting the next lower score. */
    private static float thresholdBelow(ScoreSweep sweep, int cut) {
        float kept = sweep.scores[cut];
        if (cut == sweep.size() - 1) {
            return kept;
        }
        float rejected = sweep.scores[cut + 1];
        float midpoint = (float) (((double) kept + rejected) / 2);
        return midpoint > rejected ? midpoint : Math.nextUp(rejected);
    }

    private Map<String, LabelEvaluation> perLabel(boolean[][] gold, boolean[][] predicted,
                                                  float[][] scores, float[] thresholds) {
        Map<String, LabelEvaluation> perLabel = new LinkedHashMap<>();
        for (int label = 0; label < labelIds.size(); label++) {
            Counts counts = Counts.ofLabel(gold, predicted, label);
            ScoreSweep sweep = ScoreSweep.of(Columns.of(scores, label), Columns.of(gold, label));
            perLabel.put(labelIds.get(label), new LabelEvaluation(counts.precision(), counts.recall(),
                    counts.f1(), (int) counts.support(), (int) counts.predicted(), thresholds[label],
                    PrecisionRecallCurve.of(sweep)));
        }
        return perLabel;
    }
}
