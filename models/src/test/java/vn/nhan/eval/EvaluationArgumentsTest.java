package vn.nhan.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The evaluator rejects malformed input up front with messages giving expected and actual. */
class EvaluationArgumentsTest {

    private static final MultiLabelEvaluator EVALUATOR = new MultiLabelEvaluator(List.of("a", "b", "c"));
    private static final float[] THRESHOLDS = {0.5f, 0.5f, 0.5f};

    @Test
    void labelIds() {
        assertMessage(NullPointerException.class, "labelIds must not be null", () -> new MultiLabelEvaluator(null));
        assertMessage(IllegalArgumentException.class, "labelIds is empty, expected at least one label id",
                () -> new MultiLabelEvaluator(List.of()));
        assertMessage(IllegalArgumentException.class, "labelIds[1] is null, expected a label id",
                () -> new MultiLabelEvaluator(Arrays.asList("a", null)));
        assertMessage(IllegalArgumentException.class,
                "labelIds[2] is 'a', already at index 0, expected distinct label ids",
                () -> new MultiLabelEvaluator(List.of("a", "b", "a")));
    }

    @Test
    void rowCounts() {
        assertMessage(IllegalArgumentException.class,
                "gold has 2 rows but scores has 3, expected one row per document in both",
                () -> EVALUATOR.evaluate(new boolean[2][3], new float[3][3], THRESHOLDS));
        assertMessage(IllegalArgumentException.class,
                "gold and scores have 0 rows, expected at least one document",
                () -> EVALUATOR.evaluate(new boolean[0][], new float[0][], THRESHOLDS));
    }

    @Test
    void columnCounts() {
        float[][] scores = new float[4][3];
        scores[3] = new float[2];
        assertMessage(IllegalArgumentException.class, "scores[3] has 2 columns, expected 3 (one per label)",
                () -> EVALUATOR.evaluate(new boolean[4][3], scores, THRESHOLDS));
        boolean[][] gold = new boolean[4][3];
        gold[1] = new boolean[4];
        assertMessage(IllegalArgumentException.class, "gold[1] has 4 columns, expected 3 (one per label)",
                () -> EVALUATOR.evaluate(gold, new float[4][3], THRESHOLDS));
        boolean[][] missing = new boolean[2][3];
        missing[0] = null;
        assertMessage(IllegalArgumentException.class,
                "gold[0] is null, expected a row of 3 columns (one per label)",
                () -> EVALUATOR.evaluate(missing, new float[2][3], THRESHOLDS));
        assertMessage(IllegalArgumentException.class, "thresholds has 2 entries, expected 3 (one per label)",
                () -> EVALUATOR.evaluate(new boolean[1][3], new float[1][3], new float[2]));
    }

    @Test
    void values() {
        float[][] scores = new float[2][3];
        scores[1][2] = Float.NaN;
        assertMessage(IllegalArgumentException.class, "scores[1][2] is NaN, expected a finite score",
                () -> EVALUATOR.evaluate(new boolean[2][3], scores, THRESHOLDS));
        assertMessage(IllegalArgumentException.class, "thresholds[1] is NaN, expected a number",
                () -> EVALUATOR.evaluate(new boolean[1][3], new float[1][3], new float[] {0f, Float.NaN, 0f}));
        assertMessage(NullPointerException.class, "gold must not be null",
                () -> EVALUATOR.evaluate(null, new float[1][3], THRESHOLDS));
    }

    @Test
    void microF1Shapes() {
        assertMessage(IllegalArgumentException.class,
                "gold has 2 rows but predicted has 1, expected one row per document in both",
                () -> MultiLabelEvaluator.microF1(new boolean[2][3], new boolean[1][3]));
        boolean[][] predicted = new boolean[2][3];
        predicted[1] = new boolean[2];
        assertMessage(IllegalArgumentException.class,
                "predicted[1] has 2 columns, expected 3 (as many as gold[0])",
                () -> MultiLabelEvaluator.microF1(new boolean[2][3], predicted));
    }

    private static void assertMessage(Class<? extends RuntimeException> type, String message, Executable call) {
        assertEquals(message, assertThrows(type, call).getMessage());
    }
}
