package vn.nhan.model;

import java.time.Duration;
import java.util.Map;
import vn.nhan.eval.MultiLabelEvaluation;

/**
 * What a training run produced: the classifier, the cross-validated (out-of-fold) evaluation of
 * each view, and how long it took.
 */
public record TrainingResult(Classifier classifier, Map<ModelType, MultiLabelEvaluation> crossValidation, Duration elapsed) {
}
