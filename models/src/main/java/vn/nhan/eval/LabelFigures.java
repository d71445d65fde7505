package vn.nhan.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One label's figures, as JSON reports write them; {@code name} (its display name) when known. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelFigures(String name, double precision, double recall, double f1, int support, int predicted, float threshold) {

    public static LabelFigures of(String name, LabelEvaluation l) {
        return new LabelFigures(name, l.precision(), l.recall(), l.f1(), l.support(), l.predictedCount(), l.threshold());
    }
}
