package vn.nhan.model;

import java.util.List;

/**
 * The answer for one article: the labels that pass their thresholds, best first, and the
 * calibrated probability of every label in taxonomy order.
 */
public record Prediction(List<LabelScore> labels, float[] scores) {
    /**
     * A label with its display name and probability and, when explained, the passages that carry it
     * (best first) and the words and phrases in them that raised its score most.
     */
    public record LabelScore(String id, String name, float score, List<Evidence> evidence, List<TermWeight> terms) {
        public LabelScore {
            evidence = List.copyOf(evidence);
            terms = List.copyOf(terms);
        }

        public LabelScore(String id, String name, float score) {
            this(id, name, score, List.of(), List.of());
        }

        public LabelScore explained(List<Evidence> newEvidence, List<TermWeight> newTerms) {
            return new LabelScore(id, name, score, newEvidence, newTerms);
        }
    }
}
