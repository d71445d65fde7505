package vn.nhan.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.data.PlainNumbers;
import vn.nhan.eval.CurvePoint;
import vn.nhan.eval.EvaluationFigures;
import vn.nhan.eval.LabelEvaluation;
import vn.nhan.eval.LabelFigures;
import vn.nhan.eval.MultiLabelEvaluation;

/**
 * The machine-readable report, {@code report.json}, with snake_case keys:
 * the headline figures at the top level, {@code per_label}, {@code model}, {@code test},
 * {@code components}, {@code best_component} and {@code pr_curves}
 * ({@code {label: [[threshold, precision, recall], ...]}}).
 */
final class JsonReport {

    private static final ObjectMapper MAPPER = PlainNumbers.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The whole file. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(@JsonUnwrapped EvaluationFigures figures, Map<String, LabelFigures> perLabel, ModelInfo model,
                  EvaluationReport.TestSet test, Map<String, Component> components, String bestComponent,
                  Map<String, List<List<Number>>> prCurves) { }

    /** One part of the model, scored on the same test set. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Component(@JsonUnwrapped EvaluationFigures figures, Map<String, Double> perLabelF1) { }

    private JsonReport() {
    }

    static String render(EvaluationReport report) {
        try {
            return MAPPER.writeValueAsString(of(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the evaluation report", e);
        }
    }

    static Report of(EvaluationReport report) {
        MultiLabelEvaluation evaluation = report.evaluation();
        Map<String, LabelFigures> perLabel = new LinkedHashMap<>();
        evaluation.perLabel().forEach((id, label) -> perLabel.put(id, LabelFigures.of(report.labelName(id), label)));
        Map<String, Component> components = new LinkedHashMap<>();
        report.components().forEach((name, e) -> components.put(name, component(e)));
        return new Report(EvaluationFigures.of(evaluation), perLabel, report.model(), report.test(), components,
                report.bestComponent().orElse(null), curves(evaluation));
    }

    private static Component component(MultiLabelEvaluation evaluation) {
        Map<String, Double> f1 = new LinkedHashMap<>();
        evaluation.perLabel().forEach((id, label) -> f1.put(id, label.f1()));
        return new Component(EvaluationFigures.of(evaluation), f1);
    }

    private static Map<String, List<List<Number>>> curves(MultiLabelEvaluation evaluation) {
        Map<String, List<List<Number>>> curves = new LinkedHashMap<>();
        for (Map.Entry<String, LabelEvaluation> entry : evaluation.perLabel().entrySet()) {
            List<List<Number>> points = new ArrayList<>();
            for (CurvePoint point : entry.getValue().prCurve()) {
                points.add(List.of(point.threshold(), Numbers.round4(point.precision()), Numbers.round4(point.recall())));
            }
            curves.put(entry.getKey(), points);
        }
        return curves;
    }
}
