package vn.nhan.model;

import java.util.List;

/**
 * The answer for one article: the labels that pass their thresholds, best first, and the
 * calibrated probability of every label in taxonomy order.
 */
public record Prediction(List<LabelScore> labels, float[] scores) {
    /** A label with its display name and probability. */
    public record LabelScore(String id, String name, float score) {
    }
}
