package vn.nhan.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Up-front validation of the evaluator's arguments. Every message says what was expected and what
 * was found, for example {@code "scores[3] has 14 columns, expected 15 (one per label)"}.
 */
final class EvaluationArguments {

    private static final String PER_LABEL = "(one per label)";

    private EvaluationArguments() {
    }

    static List<String> checkLabelIds(List<String> labelIds) {
        Objects.requireNonNull(labelIds, "labelIds must not be null");
        if (labelIds.isEmpty()) {
            throw new IllegalArgumentException("labelIds is empty, expected at least one label id");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < labelIds.size(); i++) {
            String id = labelIds.get(i);
            if (id == null) {
                throw new IllegalArgumentException("labelIds[" + i + "] is null, expected a label id");
            }
            Integer previous = seen.putIfAbsent(id, i);
            if (previous != null) {
                throw new IllegalArgumentException("labelIds[" + i + "] is '" + id
                        + "', already at index " + previous + ", expected distinct label ids");
            }
        }
        return List.copyOf(labelIds);
    }

    static void checkEvaluation(int nLabels, boolean[][] gold, float[][] scores, float[] thresholds) {
        Objects.requireNonNull(gold, "gold must not be null");
        Objects.requireNonNull(scores, "scores must not be null");
        Objects.requireNonNull(thresholds, "thresholds must not be null");
        if (gold.length != scores.length) {
            throw new IllegalArgumentException("gold has " + gold.length + " rows but scores has "
                    + scores.length + ", expected one row per document in both");
        }
        if (gold.length == 0) {
            throw new IllegalArgumentException("gold and scores have 0 rows, expected at least one document");
        }
        if (thresholds.length != nLabels) {
            throw new IllegalArgumentException("thresholds has " + thresholds.length
                    + " entries, expected " + nLabels + " (one per label)");
        }
        for (int label = 0; label < nLabels; label++) {
            if (Float.isNaN(thresholds[label])) {
                throw new IllegalArgumentException("thresholds[" + label + "] is NaN, expected a number");
            }
        }
        checkRows("gold", gold, nLabels, PER_LABEL);
        checkScoreRows(scores, nLabels);
    }

    static void checkSameShape(boolean[][] gold, boolean[][] predicted) {
        Objects.requireNonNull(gold, "gold must not be null");
        Objects.requireNonNull(predicted, "predicted must not be null");
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold has " + gold.length + " rows but predicted has "
                    + predicted.length + ", expected one row per document in both");
        }
        if (gold.length == 0) {
            return;
        }
        if (gold[0] == null) {
            throw new IllegalArgumentException("gold[0] is null, expected a row of labels");
        }
        String why = "(as many as gold[0])";
        checkRows("gold", gold, gold[0].length, why);
        checkRows("predicted", predicted, gold[0].length, why);
    }

    static void checkThresholdTuning(float[] scores, boolean[] gold) {
        Objects.requireNonNull(scores, "scores must not be null");
        Objects.requireNonNull(gold, "gold must not be null");
        if (scores.length != gold.length) {
            throw new IllegalArgumentException("scores has " + scores.length + " entries but gold has "
                    + gold.length + ", expected one entry per document in both");
        }
        for (int doc = 0; doc < scores.length; doc++) {
            if (!Float.isFinite(scores[doc])) {
                throw new IllegalArgumentException("scores[" + doc + "] is " + scores[doc]
                        + ", expected a finite score");
            }
        }
    }

    private static void checkRows(String name, boolean[][] rows, int width, String why) {
        for (int doc = 0; doc < rows.length; doc++) {
            checkWidth(name, doc, rows[doc] == null ? -1 : rows[doc].length, width, why);
        }
    }

    private static void checkScoreRows(float[][] rows, int nLabels) {
        for (int doc = 0; doc < rows.length; doc++) {
            float[] row = rows[doc];
            checkWidth("scores", doc, row == null ? -1 : row.length, nLabels, PER_LABEL);
            for (int label = 0; label < nLabels; label++) {
                if (!Float.isFinite(row[label])) {
                    throw new IllegalArgumentException("scores[" + doc + "][" + label + "] is "
                            + row[label] + ", expected a finite score");
                }
            }
        }
    }

    /** Checks that row {@code doc} of {@code name} exists ({@code actual >= 0}) and has the expected width. */
    private static void checkWidth(String name, int doc, int actual, int expected, String why) {
        if (actual < 0) {
            throw new IllegalArgumentException(name + "[" + doc + "] is null, expected a row of "
                    + expected + " columns " + why);
        }
        if (actual != expected) {
            throw new IllegalArgumentException(name + "[" + doc + "] has " + actual
                    + " columns, expected " + expected + " " + why);
        }
    }
}
