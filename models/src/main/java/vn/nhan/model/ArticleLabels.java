package vn.nhan.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The labels of one article as every offline scorer writes them (one JSON line of
 * {@code nhan classify}, one record of the Spark job): the article's id, the ids of its labels,
 * best first, and the score of every label of the taxonomy, in taxonomy order, rounded to
 * {@value #DECIMALS} decimals.
 */
public record ArticleLabels(String id, List<String> labels, Map<String, Double> scores) {
    /** Decimals kept in written scores. */
    public static final int DECIMALS = 4;
    private static final float SCALE = 10_000f;

    public ArticleLabels {
        Objects.requireNonNull(id, "id must not be null");
        labels = List.copyOf(labels);
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    /** The labels of the article {@code id} as {@code classifier} predicted them. */
    public static ArticleLabels of(Classifier classifier, String id, Prediction prediction) {
        List<String> labels = new ArrayList<>(prediction.labels().size());
        prediction.labels().forEach(l -> labels.add(l.id()));
        Map<String, Double> scores = new LinkedHashMap<>();
        float[] s = prediction.scores();
        for (int l = 0; l < s.length; l++) {
            scores.put(classifier.taxonomy().get(l).id(), round(s[l]));
        }
        return new ArticleLabels(id, labels, scores);
    }

    /** A score as written: rounded half up to {@value #DECIMALS} decimals. */
    public static double round(float score) {
        return Math.round(score * SCALE) / (double) SCALE;
    }
}
