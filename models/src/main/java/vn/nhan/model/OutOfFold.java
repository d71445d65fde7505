package vn.nhan.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * The out-of-fold raw scores of cross-validation, whole article and per passage, for each model,
 * with the calibrations fitted on them: gives each model type's calibrated whole-article scores, its best
 * passage scores, and their blend at any weight, as the final classifier would compute them.
 */
final class OutOfFold {
    private final float[][] neural;
    private final float[][] linear;
    private final float[][][] neuralPassages;
    private final float[][][] linearPassages;
    private final Map<ModelType, ScoreCalibration> calibrations;
    private final double neuralWeight;
    private final Map<ModelType, float[][]> whole = new EnumMap<>(ModelType.class);
    private final Map<ModelType, float[][]> bestPassage = new EnumMap<>(ModelType.class);

    OutOfFold(float[][] neural, float[][] linear, float[][][] neuralPassages, float[][][] linearPassages,
              Map<ModelType, ScoreCalibration> calibrations, double neuralWeight) {
        this.neural = neural;
        this.linear = linear;
        this.neuralPassages = neuralPassages;
        this.linearPassages = linearPassages;
        this.calibrations = calibrations;
        this.neuralWeight = neuralWeight;
    }

    Map<ModelType, ScoreCalibration> calibrations() {
        return calibrations;
    }

    /** The calibrated article scores of {@code modelType}: {@code (1 - weight) * whole + weight * best passage}. */
    float[][] blended(ModelType modelType, double weight) {
        float[][] w = whole.computeIfAbsent(modelType, v -> calibrated(v, neural, linear));
        if (weight == 0) {
            return w;
        }
        float[][] best = bestPassage.computeIfAbsent(modelType, this::bestPassages);
        float[][] out = new float[w.length][];
        for (int i = 0; i < w.length; i++) {
            out[i] = best[i] == null ? w[i].clone() : PassageBlend.blend(w[i], best[i], weight);
        }
        return out;
    }

    private float[][] bestPassages(ModelType modelType) {
        float[][] out = new float[neural.length][];
        for (int i = 0; i < out.length; i++) {
            float[][] n = neuralPassages[i];
            float[][] l = linearPassages[i];
            int count = n != null ? n.length : l.length;
            if (count > 0) {
                out[i] = PassageBlend.bestPassage(calibrated(modelType, n, l), calibrations.get(modelType).labelCount());
            }
        }
        return out;
    }

    /** Calibrated scores of {@code modelType} from the rows of raw neural and linear scores (either may be null). */
    private float[][] calibrated(ModelType modelType, float[][] n, float[][] l) {
        return switch (modelType) {
            case NEURAL -> calibrations.get(ModelType.NEURAL).apply(n);
            case LINEAR -> calibrations.get(ModelType.LINEAR).apply(l);
            case ENSEMBLE -> calibrations.get(ModelType.ENSEMBLE).apply(Classifier.combine(
                    calibrations.get(ModelType.NEURAL).apply(n), calibrations.get(ModelType.LINEAR).apply(l), neuralWeight));
        };
    }
}
