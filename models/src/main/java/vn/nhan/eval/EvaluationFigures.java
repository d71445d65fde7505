package vn.nhan.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The headline figures of a {@link MultiLabelEvaluation}, as every JSON report writes them
 * ({@code report.json}, its components, {@code nhan-spark evaluate}): snake_case, in this order.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"n_documents", "micro_f1", "micro_precision", "micro_recall", "macro_f1", "macro_precision", "macro_recall",
        "samples_f1", "precision_at_1", "hamming_loss", "subset_accuracy"})
public record EvaluationFigures(int nDocuments, double microF1, double microPrecision, double microRecall, double macroF1,
                                double macroPrecision, double macroRecall, double samplesF1,
                                @JsonProperty("precision_at_1") double precisionAt1, double hammingLoss, double subsetAccuracy) {

    public static EvaluationFigures of(MultiLabelEvaluation e) {
        return new EvaluationFigures(e.nDocuments(), e.microF1(), e.microPrecision(), e.microRecall(), e.macroF1(), e.macroPrecision(),
                e.macroRecall(), e.samplesF1(), e.precisionAt1(), e.hammingLoss(), e.subsetAccuracy());
    }
}
