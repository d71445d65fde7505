package vn.nhan.eval;

import java.util.List;
import java.util.Objects;

/**
 * Metrics of a single label over a test set.
 *
 * <p>Precision, recall and F1 follow scikit-learn's {@code zero_division=0} convention: a ratio
 * whose denominator is zero is 0 (so a label never predicted has precision 0, a label with no gold
 * documents has recall 0, and F1 is 0 whenever there is no true positive).
 *
 * @param precision      true positives / predicted count (0 when nothing is predicted)
 * @param recall         true positives / support (0 when the support is 0)
 * @param f1             harmonic mean of precision and recall, {@code 2tp / (2tp + fp + fn)} (0 when tp is 0)
 * @param support        number of documents whose gold labels include this label
 * @param predictedCount number of documents for which the label is predicted
 * @param threshold      the threshold the label was predicted with ({@code score >= threshold})
 * @param prCurve        the precision/recall trade-off computed from the scores, ordered by
 *                       decreasing threshold (increasing recall), with at most
 *                       50 points spread evenly over the recall
 *                       range; empty when the label has no support
 */
public record LabelEvaluation(double precision, double recall, double f1, int support,
                              int predictedCount, float threshold, List<CurvePoint> prCurve) {

    /** Copies the curve so that the record is immutable. */
    public LabelEvaluation {
        prCurve = List.copyOf(Objects.requireNonNull(prCurve, "prCurve must not be null"));
    }

    /** True when the label occurs in no gold document and is predicted for none. */
    public boolean isAbsent() {
        return support == 0 && predictedCount == 0;
    }
}
