package vn.nhan.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * How passage scores join the whole-article score: for each label, {@code (1 - weight) * whole +
 * weight * best passage}, with per-label thresholds for that blend, per model type. The weight and the
 * thresholds are chosen on out-of-fold predictions. A bundle saved before passages existed has
 * weight 0 and its whole-article thresholds, so it scores as it always did.
 */
public record PassageBlend(double weight, Map<ModelType, float[]> thresholds) {
    public PassageBlend {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("passage weight must be in [0, 1], got " + weight);
        }
        thresholds = Map.copyOf(thresholds);
    }

    /** No passages: the whole-article scores and thresholds of each model type. */
    public static PassageBlend none(Map<ModelType, ScoreCalibration> calibrations) {
        Map<ModelType, float[]> t = new EnumMap<>(ModelType.class);
        calibrations.forEach((modelType, c) -> t.put(modelType, c.thresholds().clone()));
        return new PassageBlend(0, t);
    }

    /** The blended score of each label; {@code passages} may be empty (then the whole-article scores). */
    public float[] blend(float[] whole, float[][] passages) {
        float[] out = whole.clone();
        if (weight == 0 || passages.length == 0) {
            return out;
        }
        float[] best = bestPassage(passages, whole.length);
        for (int l = 0; l < out.length; l++) {
            out[l] = (float) ((1 - weight) * whole[l] + weight * best[l]);
        }
        return out;
    }

    /** The highest passage score of each label. */
    static float[] bestPassage(float[][] passages, int labels) {
        float[] best = new float[labels];
        for (float[] p : passages) {
            for (int l = 0; l < labels; l++) {
                best[l] = Math.max(best[l], p[l]);
            }
        }
        return best;
    }

    static float[] blend(float[] whole, float[] best, double weight) {
        float[] out = new float[whole.length];
        for (int l = 0; l < out.length; l++) {
            out[l] = (float) ((1 - weight) * whole[l] + weight * best[l]);
        }
        return out;
    }
}
