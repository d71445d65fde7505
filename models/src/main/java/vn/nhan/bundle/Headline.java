package vn.nhan.bundle;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import vn.nhan.eval.MultiLabelEvaluation;

/** The headline figures of an evaluation, as saved in manifests and registries. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Headline(double microF1, double macroF1, double samplesF1, double microPrecision, double microRecall, int nDocuments) {

    public static Headline of(MultiLabelEvaluation e) {
        return new Headline(e.microF1(), e.macroF1(), e.samplesF1(), e.microPrecision(), e.microRecall(), e.nDocuments());
    }
}
