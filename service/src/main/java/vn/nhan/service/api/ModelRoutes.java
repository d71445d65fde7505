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
        app.get("/health/live", ctx -> ctx.json(new Responses.Status("live")));
        app.get("/health/ready", this::ready);
    }

    private void labels(Context ctx) {
        LoadedModel model = Readiness.model(models);
        ctx.json(new Responses.LabelList(Responses.ModelRef.of(model), Responses.labels(model)));
    }

    private void model(Context ctx) {
        LoadedModel model = Readiness.model(models);
        BundleManifest manifest = model.bundle().manifest();
        ctx.json(new Responses.ModelDescription(model.id(), manifest.version(), manifest.created(), manifest.modelType(), manifest.format(),
                manifest.formatVersion(), manifest.neuralWeight(), manifest.vocabularySize(), withoutPaths(manifest.trainingData()),
                manifest.trainingSeconds(), manifest.metrics(), manifest.trainingConfig(), manifest.libraries(), Responses.labels(model),
                model.loadedAt().toString()));
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
        ctx.json(new Responses.Ready("ready", Responses.ModelRef.of(model), Responses.StoreStatus.of(health)));
    }
}
