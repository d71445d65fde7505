package vn.nhan.eval;

/**
 * The decision threshold chosen for one label and the F1 it reaches on the scores it was chosen on.
 *
 * @param threshold predict the label when its score is {@code >= threshold}
 * @param f1        F1 of the label on the tuning data at that threshold
 * @see MultiLabelEvaluator#bestF1Threshold(float[], boolean[])
 */
public record ThresholdChoice(float threshold, double f1) {
}
