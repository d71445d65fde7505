package vn.nhan.report;

/** The short explanation of the metric conventions printed at the end of the reports. */
final class Conventions {

    static final String[] LINES = {
        "Micro metrics pool every (document, label) decision; macro metrics average per-label values,"
            + " leaving out labels that are neither in the gold labels nor predicted.",
        "Per-label precision, recall and F1 are 0 when their denominator is 0.",
        "Samples F1 averages per-document F1; a document with no gold and no predicted label scores 1.",
        "Precision@1 counts only documents with at least one gold label.",
        "A label is predicted when its score is at least its threshold.",
    };

    static final String MARKDOWN = "## How to read the metrics\n\n- " + String.join("\n- ", LINES) + "\n";

    private Conventions() {
    }
}
