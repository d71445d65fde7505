package vn.nhan.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.data.PlainNumbers;
import vn.nhan.model.ArticleLabels;

/**
 * {@link ArticleLabels} as a Java bean, the shape Spark's bean encoder needs for one output record:
 * {@code id}, {@code labels} (best first) and {@code scores} (label to score, in taxonomy order).
 */
public final class LabelsRecord implements Serializable {
    private static final long serialVersionUID = 1L;
    private String id;
    private List<String> labels;
    private Map<String, Double> scores;

    private static final ObjectMapper LINE = PlainNumbers.mapper();

    public LabelsRecord() {
    }

    /** The record as nhan classify writes it: {"id", "labels", "scores"}, scores as plain decimals. */
    String toJson() throws JsonProcessingException {
        return LINE.writeValueAsString(new ArticleLabels(id, labels, scores));
    }

    static LabelsRecord of(ArticleLabels a) {
        LabelsRecord r = new LabelsRecord();
        r.id = a.id();
        r.labels = new ArrayList<>(a.labels());
        r.scores = new LinkedHashMap<>(a.scores());
        return r;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public List<String> getLabels() {
        return labels;
    }

    public void setLabels(List<String> labels) {
        this.labels = labels;
    }

    public Map<String, Double> getScores() {
        return scores;
    }

    public void setScores(Map<String, Double> scores) {
        this.scores = scores;
    }
}
