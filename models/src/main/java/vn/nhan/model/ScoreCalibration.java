package vn.nhan.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-label Platt parameters turning one model's scores into calibrated probabilities, and the
 * per-label decision thresholds tuned on out-of-fold predictions to maximise F1.
 */
public record ScoreCalibration(float[] slopes, float[] intercepts, float[] thresholds) {
    public ScoreCalibration {
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

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slopes", toList(slopes));
        m.put("intercepts", toList(intercepts));
        m.put("thresholds", toList(thresholds));
        return m;
    }

    @SuppressWarnings("unchecked")
    public static ScoreCalibration fromMap(Map<String, Object> m) {
        return new ScoreCalibration(toArray((List<Number>) m.get("slopes")), toArray((List<Number>) m.get("intercepts")),
                toArray((List<Number>) m.get("thresholds")));
    }

    private static List<Double> toList(float[] a) {
        List<Double> list = new ArrayList<>(a.length);
        for (float v : a) {
            list.add((double) v);
        }
        return list;
    }

    private static float[] toArray(List<Number> list) {
        float[] a = new float[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i).floatValue();
        }
        return a;
    }
}
