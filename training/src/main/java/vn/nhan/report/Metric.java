package vn.nhan.report;

import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;
import vn.nhan.eval.MultiLabelEvaluation;

/** A whole-test-set metric as the reports show it: its title, how to read it and format it. */
record Metric(String title, String description, ToDoubleFunction<MultiLabelEvaluation> value,
              boolean lowerIsBetter) {

    static final Metric MICRO_F1 = higher("Micro F1", "F1 of all (document, label) decisions pooled", MultiLabelEvaluation::microF1);
    static final Metric MICRO_P = higher("Micro precision", "share of predicted labels that are right", MultiLabelEvaluation::microPrecision);
    static final Metric MICRO_R = higher("Micro recall", "share of gold labels that are found", MultiLabelEvaluation::microRecall);
    static final Metric MACRO_F1 = higher("Macro F1", "mean F1 over labels, each label counting equally", MultiLabelEvaluation::macroF1);
    static final Metric SAMPLES_F1 = higher("Samples F1", "mean F1 per document", MultiLabelEvaluation::samplesF1);
    static final Metric P_AT_1 = higher("Precision@1", "share of labelled documents whose top label is right", MultiLabelEvaluation::precisionAt1);
    static final Metric SUBSET = higher("Subset accuracy", "share of documents with exactly the right labels", MultiLabelEvaluation::subsetAccuracy);
    static final Metric HAMMING = new Metric("Hamming loss", "share of wrong (document, label) decisions", MultiLabelEvaluation::hammingLoss, true);

    /** The metrics of the headline table, most important first. */
    static final List<Metric> HEADLINE = List.of(MICRO_F1, MACRO_F1, SAMPLES_F1, MICRO_P, MICRO_R,
            P_AT_1, SUBSET, HAMMING);

    /** The metrics compared between components. */
    static final List<Metric> COMPARED = HEADLINE;

    private static Metric higher(String title, String description, ToDoubleFunction<MultiLabelEvaluation> value) {
        return new Metric(title, description, value, false);
    }

    double of(MultiLabelEvaluation evaluation) {
        return value.applyAsDouble(evaluation);
    }

    String format(MultiLabelEvaluation evaluation) {
        return lowerIsBetter ? Numbers.fine(of(evaluation)) : Numbers.metric(of(evaluation));
    }

    /** True when no evaluation among {@code all} does better on this metric. */
    boolean isBest(MultiLabelEvaluation evaluation, Collection<MultiLabelEvaluation> all) {
        double mine = of(evaluation);
        return all.stream().noneMatch(other -> lowerIsBetter ? of(other) < mine : of(other) > mine);
    }
}
