package vn.nhan.service.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.service.model.LoadedModel;
import vn.nhan.service.model.ModelHolder;

/** GET /v1/labels, GET /v1/model, GET /health/live, GET /health/ready. */
public final class ModelRoutes {
    private static final List<String> MANIFEST_FIELDS = List.of("model_id", "version", "created", "model_type", "format", "format_version",
            "neural_weight", "vocabulary_size", "training_data", "training_seconds", "metrics", "training_config", "libraries");
    private final ModelHolder models;

    public ModelRoutes(ModelHolder models) {
        this.models = models;
    }

    public void register(Javalin app) {
        app.get("/v1/labels", this::labels);
        app.get("/v1/model", this::model);
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "live")));
        app.get("/health/ready", this::ready);
    }

    private void labels(Context ctx) {
        LoadedModel model = Readiness.model(models);
        ctx.json(Map.of("model", Responses.model(model), "labels", Responses.labels(model)));
    }

    private void model(Context ctx) {
        LoadedModel model = Readiness.model(models);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", model.id());
        for (String field : MANIFEST_FIELDS) {
            if (model.bundle().manifest().containsKey(field) && !field.equals("model_id")) {
                Object value = model.bundle().manifest().get(field);
                out.put(field, field.equals("training_data") ? withoutPaths(value) : value);
            }
        }
        out.put("labels", Responses.labels(model));
        out.put("loaded_at", model.loadedAt().toString());
        ctx.json(out);
    }

    /** training_data with each source reduced to its file name: no path on the server leaves it. */
    private static Object withoutPaths(Object trainingData) {
        if (!(trainingData instanceof Map<?, ?> data) || !(data.get("sources") instanceof List<?> sources)) {
            return trainingData;
        }
        Map<Object, Object> out = new LinkedHashMap<>(data);
        out.put("sources", sources.stream().map(s -> {
            Path name = Path.of(String.valueOf(s)).getFileName();
            return name == null ? "" : name.toString();
        }).toList());
        return out;
    }

    private void ready(Context ctx) {
        LoadedModel model = Readiness.model(models);
        ctx.json(Map.of("status", "ready", "model", Responses.model(model)));
    }
}
