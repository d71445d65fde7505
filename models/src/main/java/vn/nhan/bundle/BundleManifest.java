package vn.nhan.bundle;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.nhan.model.ScoreCalibration;
import vn.nhan.model.TrainingConfig;

/**
 * The {@code manifest.json} of a bundle, bound by Jackson (snake_case keys). {@code passageWeight}
 * and {@code passageThresholds} are null for a format-1 bundle saved before passages existed; the
 * classifier then scores whole articles only.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BundleManifest(String format, int formatVersion, String modelId, String version, String created, String modelType,
                             double neuralWeight, int vocabularySize, List<LabelEntry> labels, Map<String, ScoreCalibration> calibrations,
                             Double passageWeight, Map<String, float[]> passageThresholds, TrainingConfig trainingConfig,
                             TrainingData trainingData, double trainingSeconds, Metrics metrics, Map<String, String> libraries,
                             Map<String, FileEntry> files) {
    public BundleManifest {
        Objects.requireNonNull(modelId, "model_id is missing");
        Objects.requireNonNull(version, "version is missing");
        Objects.requireNonNull(modelType, "model_type is missing");
        Objects.requireNonNull(labels, "labels is missing");
        Objects.requireNonNull(calibrations, "calibrations is missing");
        Objects.requireNonNull(trainingConfig, "training_config is missing");
        Objects.requireNonNull(trainingData, "training_data is missing");
        Objects.requireNonNull(files, "files is missing");
        labels = List.copyOf(labels);
        calibrations = Map.copyOf(calibrations);
        files = Map.copyOf(files);
        metrics = metrics == null ? new Metrics(Map.of(), Map.of()) : metrics;
        libraries = libraries == null ? Map.of() : libraries;
    }

    /** One label of the taxonomy the model was trained on, with its whole-article threshold. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LabelEntry(String id, String name, String group, String description, double threshold) {
    }

    /** The size and SHA-256 of one model file. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FileEntry(String sha256, long bytes) {
        public FileEntry {
            Objects.requireNonNull(sha256, "sha256 is missing");
        }
    }

    /** Headline figures of cross-validation, per model type, over passages and whole articles. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Metrics(Map<String, Headline> crossValidation, Map<String, Headline> crossValidationWholeArticle) {
        public Metrics {
            crossValidation = crossValidation == null ? Map.of() : crossValidation;
            crossValidationWholeArticle = crossValidationWholeArticle == null ? Map.of() : crossValidationWholeArticle;
        }
    }
}
