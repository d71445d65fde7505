package vn.nhan.model;

import java.time.Duration;
import java.util.Map;
import vn.nhan.eval.MultiLabelEvaluation;

/**
 * What a training run produced: the classifier, the cross-validated (out-of-fold) evaluation of
 * each model type's article scores (passages blended in, as the classifier predicts) and of its
 * whole-article scores alone, and how long it took.
 */
public record TrainingResult(Classifier classifier, Map<ModelType, MultiLabelEvaluation> crossValidation,
                             Map<ModelType, MultiLabelEvaluation> wholeArticleCrossValidation, Duration elapsed) {
}
