package vn.nhan.service.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import vn.nhan.bundle.BundleManifest;
import vn.nhan.bundle.TrainingData;
import vn.nhan.feedback.StoreHealth;
import vn.nhan.service.serving.LoadedModel;
import vn.nhan.service.serving.ModelHolder;

/**
 * GET /v1/labels, GET /v1/model, GET /health/live, GET /health/ready. Ready means ready to
 * classify: a degraded feedback store is reported ({@code "store": {"status": "degraded"}}) but
 * does not fail readiness, since classification does not need it.
 */
public final class ModelRoutes {
    private final ModelHolder models;
    private final Supplier<StoreHealth> store;

    public ModelRoutes(ModelHolder models, Supplier<StoreHealth> store) {
        this.models = models;
        this.store = store;
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
        BundleManifest manifest = model.bundle().manifest();
        out.put("version", manifest.version());
        out.put("created", manifest.created());
        out.put("model_type", manifest.modelType());
        out.put("format", manifest.format());
        out.put("format_version", manifest.formatVersion());
        out.put("neural_weight", manifest.neuralWeight());
        out.put("vocabulary_size", manifest.vocabularySize());
        out.put("training_data", withoutPaths(manifest.trainingData()));
        out.put("training_seconds", manifest.trainingSeconds());
        out.put("metrics", manifest.metrics());
        out.put("training_config", manifest.trainingConfig());
        out.put("libraries", manifest.libraries());
        out.put("labels", Responses.labels(model));
        out.put("loaded_at", model.loadedAt().toString());
        ctx.json(out);
    }

    /** training_data with each source reduced to its file name: no path on the server leaves it. */
    private static TrainingData withoutPaths(TrainingData data) {
        if (data == null || data.sources() == null) {
            return data;
        }
        return new TrainingData(data.sha256(), data.documents(), data.sources().stream().map(s -> {
            Path name = Path.of(String.valueOf(s)).getFileName();
            return name == null ? "" : name.toString();
        }).toList());
    }

    private void ready(Context ctx) {
        LoadedModel model = Readiness.model(models);
        StoreHealth health = store.get();
        Map<String, Object> storeStatus = new LinkedHashMap<>();
        storeStatus.put("status", health.up() ? "up" : "degraded");
        if (!health.up()) {
            storeStatus.put("reason", health.reason());
            storeStatus.put("since", health.since().toString());
        }
        ctx.json(Map.of("status", "ready", "model", Responses.model(model), "store", storeStatus));
    }
}
