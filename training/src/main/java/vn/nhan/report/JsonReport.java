package vn.nhan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.eval.CurvePoint;
import vn.nhan.eval.LabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluation;

/**
 * The machine-readable report, {@code report.json}, with snake_case keys:
 * the headline metrics at the top level, {@code per_label}, {@code model}, {@code test},
 * {@code components}, {@code best_component} and {@code pr_curves}
 * ({@code {label: [[threshold, precision, recall], ...]}}).
 */
final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(EvaluationReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the evaluation report", e);
        }
    }

    static Map<String, Object> tree(EvaluationReport report) {
        Map<String, Object> root = headline(report.evaluation());
        root.put("per_label", perLabel(report));
        root.put("model", jsonSafe(report.model()));
        root.put("test", test(report.test()));
        root.put("components", components(report));
        root.put("best_component", report.bestComponent().orElse(null));
        root.put("pr_curves", curves(report.evaluation()));
        return root;
    }

    private static Map<String, Object> headline(MultiLabelEvaluation evaluation) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("n_documents", evaluation.nDocuments());
        metrics.put("micro_f1", evaluation.microF1());
        metrics.put("micro_precision", evaluation.microPrecision());
        metrics.put("micro_recall", evaluation.microRecall());
        metrics.put("macro_f1", evaluation.macroF1());
        metrics.put("macro_precision", evaluation.macroPrecision());
        metrics.put("macro_recall", evaluation.macroRecall());
        metrics.put("samples_f1", evaluation.samplesF1());
        metrics.put("precision_at_1", evaluation.precisionAt1());
        metrics.put("hamming_loss", evaluation.hammingLoss());
        metrics.put("subset_accuracy", evaluation.subsetAccuracy());
        return metrics;
    }

    private static Map<String, Object> perLabel(EvaluationReport report) {
        Map<String, Object> labels = new LinkedHashMap<>();
        report.evaluation().perLabel().forEach((id, label) -> {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("name", report.labelName(id));
            metrics.put("precision", label.precision());
            metrics.put("recall", label.recall());
            metrics.put("f1", label.f1());
            metrics.put("support", label.support());
            metrics.put("predicted", label.predictedCount());
            metrics.put("threshold", label.threshold());
            labels.put(id, metrics);
        });
        return labels;
    }

    private static Map<String, Object> test(EvaluationReport.TestSet test) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("path", test.path());
        description.put("n_documents", test.nDocuments());
        return description;
    }

    private static Map<String, Object> components(EvaluationReport report) {
        Map<String, Object> components = new LinkedHashMap<>();
        report.components().forEach((name, evaluation) -> {
            Map<String, Object> metrics = headline(evaluation);
            Map<String, Object> f1 = new LinkedHashMap<>();
            evaluation.perLabel().forEach((id, label) -> f1.put(id, label.f1()));
            metrics.put("per_label_f1", f1);
            components.put(name, metrics);
        });
        return components;
    }

    private static Map<String, Object> curves(MultiLabelEvaluation evaluation) {
        Map<String, Object> curves = new LinkedHashMap<>();
        for (Map.Entry<String, LabelEvaluation> entry : evaluation.perLabel().entrySet()) {
            List<List<Number>> points = new ArrayList<>();
            for (CurvePoint point : entry.getValue().prCurve()) {
                points.add(List.of(point.threshold(), Numbers.round4(point.precision()),
                        Numbers.round4(point.recall())));
            }
            curves.put(entry.getKey(), points);
        }
        return curves;
    }

    /** Keeps JSON-native values and turns anything else into its {@code toString()}. */
    private static Object jsonSafe(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            boolean notFinite = (number instanceof Double d && !Double.isFinite(d))
                    || (number instanceof Float f && !Float.isFinite(f));
            return notFinite ? number.toString() : number;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> safe = new LinkedHashMap<>();
            map.forEach((key, item) -> safe.put(String.valueOf(key), jsonSafe(item)));
            return safe;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> safe = new ArrayList<>();
            collection.forEach(item -> safe.add(jsonSafe(item)));
            return safe;
        }
        return value.toString();
    }
}
