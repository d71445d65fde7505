package vn.nhan.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import vn.nhan.features.FeatureConfig;
import vn.nhan.passage.PassageConfig;

/**
 * Everything that decides what a training run produces: model type, seed, number of
 * cross-validation folds used for calibration and thresholds, the smallest number of examples a
 * label needs, how many documents cross-validation uses at most (a seeded sample of a larger corpus:
 * enough to calibrate and tune thresholds at a fraction of the cost), and the settings of features
 * and both models. Saved in the bundle.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingConfig(ModelType modelType, long seed, int folds, int minExamplesPerLabel, int crossValidationMaxDocuments,
                             FeatureConfig features, NeuralConfig neural, LinearConfig linear, PassageConfig passages) {
    public TrainingConfig {
        if (folds < 2 || folds > 20) {
            throw new IllegalArgumentException("folds must be between 2 and 20, got " + folds);
        }
        if (crossValidationMaxDocuments < 2 * folds) {
            throw new IllegalArgumentException("crossValidationMaxDocuments must be at least twice the folds, got " + crossValidationMaxDocuments);
        }
        java.util.Objects.requireNonNull(passages, "passages must not be null");
        if (minExamplesPerLabel < 1) {
            throw new IllegalArgumentException("minExamplesPerLabel must be >= 1, got " + minExamplesPerLabel);
        }
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(ModelType.ENSEMBLE, 42, 5, 3, 4_500, FeatureConfig.defaults(), NeuralConfig.defaults(), LinearConfig.defaults(),
                PassageConfig.defaults());
    }

    /**
     * At most this many folds when the corpus is larger than {@code crossValidationMaxDocuments} (so
     * cross-validation runs on a sample): the folds then give calibration and thresholds from
     * thousands of out-of-fold scores, and more of them only cost time.
     */
    public static final int LARGE_CORPUS_FOLDS = 3;

    /** The folds cross-validation uses on a corpus of {@code documents}: {@code folds}, or {@link #LARGE_CORPUS_FOLDS} for a sampled corpus. */
    public int foldsFor(int documents) {
        return documents > crossValidationMaxDocuments ? Math.min(folds, LARGE_CORPUS_FOLDS) : folds;
    }

    public TrainingConfig withModelType(ModelType type) {
        return new TrainingConfig(type, seed, folds, minExamplesPerLabel, crossValidationMaxDocuments, features, neural, linear, passages);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(modelType, newSeed, folds, minExamplesPerLabel, crossValidationMaxDocuments, features, neural, linear, passages);
    }

    public TrainingConfig withMinExamples(int min) {
        return new TrainingConfig(modelType, seed, folds, min, crossValidationMaxDocuments, features, neural, linear, passages);
    }

    public TrainingConfig withCrossValidationMaxDocuments(int max) {
        return new TrainingConfig(modelType, seed, folds, minExamplesPerLabel, max, features, neural, linear, passages);
    }

    public TrainingConfig withFolds(int newFolds) {
        return new TrainingConfig(modelType, seed, newFolds, minExamplesPerLabel, crossValidationMaxDocuments, features, neural, linear, passages);
    }

    public TrainingConfig withNeural(NeuralConfig n) {
        return new TrainingConfig(modelType, seed, folds, minExamplesPerLabel, crossValidationMaxDocuments, features, n, linear, passages);
    }

    public TrainingConfig withLinear(LinearConfig l) {
        return new TrainingConfig(modelType, seed, folds, minExamplesPerLabel, crossValidationMaxDocuments, features, neural, l, passages);
    }

    public TrainingConfig withPassages(PassageConfig p) {
        return new TrainingConfig(modelType, seed, folds, minExamplesPerLabel, crossValidationMaxDocuments, features, neural, linear, p);
    }

    public TrainingConfig withFeatures(FeatureConfig f) {
        return new TrainingConfig(modelType, seed, folds, minExamplesPerLabel, crossValidationMaxDocuments, f, neural, linear, passages);
    }
}
