package vn.nhan.report;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.nhan.eval.MultiLabelEvaluation;

/**
 * Everything a human-readable evaluation report shows: which model was evaluated, on which test
 * set, its metrics, the metrics of each of its parts, and the labels' display names.
 *
 * <p>The maps are copied, keep the caller's order and are unmodifiable.
 *
 * @param model      which model was evaluated ({@link ModelInfo#NONE} when unknown)
 * @param test       the test set
 * @param evaluation the metrics of the model as a whole
 * @param components metrics of the same test set scored by each part of the model (for example
 *                   "ensemble", "neural", "linear"); may be empty
 * @param labelNames display name (Vietnamese) per label id; ids without a name show the id
 */
public record EvaluationReport(ModelInfo model, TestSet test, MultiLabelEvaluation evaluation,
                               Map<String, MultiLabelEvaluation> components,
                               Map<String, String> labelNames) {

    /**
     * The evaluated test set.
     *
     * @param path       where the test set was read from, as the user should see it
     * @param nDocuments number of documents in it
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TestSet(String path, int nDocuments) {

        /** Checks the path is present and the count is not negative. */
        public TestSet {
            Objects.requireNonNull(path, "test set path must not be null");
            if (nDocuments < 0) {
                throw new IllegalArgumentException("test set nDocuments is " + nDocuments
                        + ", expected 0 or more");
            }
        }
    }

    /** Checks for nulls and takes immutable, order-preserving copies of the maps. */
    public EvaluationReport {
        Objects.requireNonNull(model, "model must not be null (use ModelInfo.NONE)");
        Objects.requireNonNull(test, "test must not be null");
        Objects.requireNonNull(evaluation, "evaluation must not be null");
        components = copy(Objects.requireNonNull(components, "components must not be null (use an empty map)"));
        labelNames = copy(Objects.requireNonNull(labelNames, "labelNames must not be null (use an empty map)"));
    }

    /** The display name of a label, or its id when it has none. */
    public String labelName(String labelId) {
        String name = labelNames.get(labelId);
        return name == null || name.isBlank() ? labelId : name;
    }

    /** The component with the highest micro F1 (the first one on ties), if there are components. */
    public Optional<String> bestComponent() {
        String best = null;
        for (Map.Entry<String, MultiLabelEvaluation> entry : components.entrySet()) {
            if (best == null || entry.getValue().microF1() > components.get(best).microF1()) {
                best = entry.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    /** A short title: the model's id and version when given. */
    public String title() {
        String title = String.join(" ", java.util.stream.Stream.of(model.id(), model.version()).filter(Objects::nonNull).toList());
        return title.isEmpty() ? "model" : title;
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        for (String key : map.keySet()) {
            Objects.requireNonNull(key, "map keys must not be null");
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
