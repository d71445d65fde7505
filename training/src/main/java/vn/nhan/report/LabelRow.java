package vn.nhan.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.nhan.eval.LabelEvaluation;

/**
 * One label as the reports list it: id, display name and metrics, with the orderings and the
 * "weakest labels" selection shared by the Markdown and HTML reports.
 */
record LabelRow(String id, String name, LabelEvaluation metrics) {

    /** How many weak labels are called out at most. */
    static final int MAX_WEAKEST = 5;

    private static final double IMBALANCE = 0.15;

    /** Labels by decreasing F1, then decreasing support, then id. */
    static List<LabelRow> byF1(EvaluationReport report) {
        List<LabelRow> rows = new ArrayList<>();
        for (Map.Entry<String, LabelEvaluation> entry : report.evaluation().perLabel().entrySet()) {
            rows.add(new LabelRow(entry.getKey(), report.labelName(entry.getKey()), entry.getValue()));
        }
        rows.sort(Comparator.comparingDouble((LabelRow row) -> -row.metrics.f1())
                .thenComparingInt(row -> -row.metrics.support())
                .thenComparing(LabelRow::id));
        return rows;
    }

    /**
     * The lowest-F1 labels that have test documents, worst first: a third of them, at least one
     * and at most {@link #MAX_WEAKEST}.
     */
    static List<LabelRow> weakest(EvaluationReport report) {
        List<LabelRow> supported = new ArrayList<>(byF1(report));
        supported.removeIf(row -> !row.hasSupport());
        int count = Math.min(MAX_WEAKEST, Math.max(1, supported.size() / 3));
        List<LabelRow> weakest = new ArrayList<>(supported.subList(Math.max(0, supported.size() - count), supported.size()));
        Collections.reverse(weakest);
        return weakest;
    }

    /** Labels without any gold document in the test set, in label order. */
    static List<LabelRow> unsupported(EvaluationReport report) {
        List<LabelRow> rows = new ArrayList<>();
        for (Map.Entry<String, LabelEvaluation> entry : report.evaluation().perLabel().entrySet()) {
            if (entry.getValue().support() == 0) {
                rows.add(new LabelRow(entry.getKey(), report.labelName(entry.getKey()), entry.getValue()));
            }
        }
        return rows;
    }

    boolean hasSupport() {
        return metrics.support() > 0;
    }

    /** Says a label has no test documents, and how often it was predicted anyway. */
    String unsupportedNote() {
        int predicted = metrics.predictedCount();
        return predicted == 0 ? "no test documents"
                : "no test documents, yet predicted for " + predicted + (predicted == 1 ? " document" : " documents");
    }

    /** A one-phrase reading of why the label is weak. */
    String diagnosis() {
        if (metrics.predictedCount() == 0) {
            return "never predicted: every test document with it is missed";
        }
        if (metrics.precision() - metrics.recall() > IMBALANCE) {
            return "mostly missed (low recall): the threshold may be too high or training examples too few";
        }
        if (metrics.recall() - metrics.precision() > IMBALANCE) {
            return "many false alarms (low precision): the threshold may be too low or the label too broad";
        }
        return "both precision and recall are low";
    }
}
