package vn.nhan.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import vn.nhan.model.Prediction;
import vn.nhan.model.TagOptions;
import vn.nhan.service.ServiceConfig;
import vn.nhan.service.metrics.ServiceMetrics;
import vn.nhan.service.serving.LoadedModel;
import vn.nhan.service.serving.ModelHolder;

/** POST /v1/classify and POST /v1/classify/batch. */
public final class ClassifyRoutes {
    private final ModelHolder models;
    private final ServiceConfig config;
    private final ServiceMetrics metrics;
    private final WorkLimiter limiter;

    public ClassifyRoutes(ModelHolder models, ServiceConfig config, ServiceMetrics metrics, WorkLimiter limiter) {
        this.models = models;
        this.limiter = limiter;
        this.config = config;
        this.metrics = metrics;
    }

    public void register(Javalin app) {
        app.post("/v1/classify", this::classify);
        app.post("/v1/classify/batch", this::batch);
    }

    private void classify(Context ctx) {
        long start = System.nanoTime();
        JsonNode body = JsonBody.object(ctx, config.maxBodyBytes());
        ClassifyRequest request = ClassifyRequest.single(body).within(config.limits().maxChars());
        LoadedModel model = Readiness.model(models);
        Prediction prediction = limiter.run(() -> model.tagger().tag(request.title(), request.text(), request.options()));
        ctx.attribute(Answered.ATTRIBUTE, new Answered(model, request, prediction)); // for the review queue, which does not tag again
        metrics.documentsClassified(1);
        ctx.json(Responses.Classified.of(Responses.ModelRef.of(model), Responses.result(model, request, prediction), elapsed(start)));
    }

    private void batch(Context ctx) {
        long start = System.nanoTime();
        List<ClassifyRequest> requests = new ArrayList<>();
        for (ClassifyRequest r : ClassifyRequest.batch(JsonBody.object(ctx, config.maxBodyBytes()), config.maxBatch())) {
            requests.add(r.within(config.limits().maxChars()));
        }
        LoadedModel model = Readiness.model(models);
        List<Prediction> predictions = limiter.run(() -> {
            List<Prediction> out = new ArrayList<>(requests.size());
            for (ClassifyRequest r : requests) {
                out.add(model.tagger().tag(r.title(), r.text(), TagOptions.defaults()));
            }
            return out;
        });
        List<Responses.Result> results = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            ClassifyRequest r = requests.get(i);
            ClassifyRequest withId = r.id() == null ? r.withId(String.valueOf(i)) : r;
            results.add(Responses.result(model, withId, predictions.get(i)));
        }
        metrics.documentsClassified(requests.size());
        ctx.json(new Responses.BatchClassified(Responses.ModelRef.of(model), results, elapsed(start)));
    }

    private static double elapsed(long start) {
        return Math.round((System.nanoTime() - start) / 1e4) / 100.0;
    }
}
