package vn.nhan.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Per-label Platt parameters turning one model's scores into calibrated probabilities, and the
 * per-label decision thresholds tuned on out-of-fold predictions to maximise F1.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScoreCalibration(float[] slopes, float[] intercepts, float[] thresholds) {
    public ScoreCalibration {
        if (slopes == null || intercepts == null || thresholds == null) {
            throw new IllegalArgumentException("a calibration needs slopes, intercepts and thresholds");
        }
        if (slopes.length != intercepts.length || slopes.length != thresholds.length) {
            throw new IllegalArgumentException("calibration arrays differ in length: " + slopes.length + ", "
                    + intercepts.length + ", " + thresholds.length);
        }
    }

    public int labelCount() {
        return slopes.length;
    }

    public float[] apply(float[] raw) {
        float[] out = new float[raw.length];
        for (int l = 0; l < raw.length; l++) {
            out[l] = PlattScaler.apply(slopes[l], intercepts[l], raw[l]);
        }
        return out;
    }

    public float[][] apply(float[][] raw) {
        float[][] out = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            out[i] = apply(raw[i]);
        }
        return out;
    }
}
