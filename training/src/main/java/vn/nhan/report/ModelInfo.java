package vn.nhan.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import vn.nhan.bundle.ModelBundle;

/**
 * Which model a report is about; every field may be missing (null). The JSON report writes it as
 * it is; the Markdown and HTML reports show the same fields, under the same names, as text.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelInfo(String id, String version, String modelType, String created, Double neuralWeight, Double passageWeight,
                        String trainingDataSha256, String path) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** No model information. */
    public static final ModelInfo NONE = new ModelInfo(null, null, null, null, null, null, null, null);

    /** A field as the human-readable reports show it. */
    public record Field(String name, String value) { }

    public static ModelInfo of(ModelBundle bundle) {
        return new ModelInfo(bundle.id(), bundle.version(), bundle.manifest().modelType(), bundle.manifest().created(),
                bundle.manifest().neuralWeight(), bundle.classifier().passages().weight(), bundle.manifest().trainingData().sha256(),
                bundle.path().toString());
    }

    /** The fields that are given, in order, with their JSON names. */
    public List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        JSON.valueToTree(this).fields().forEachRemaining(e -> fields.add(new Field(e.getKey(), text(e.getValue()))));
        return fields;
    }

    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
