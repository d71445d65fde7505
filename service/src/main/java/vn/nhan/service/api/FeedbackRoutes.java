package vn.nhan.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.nhan.data.Taxonomy;
import vn.nhan.feedback.Feedback;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.service.ServiceConfig;
import vn.nhan.service.model.LoadedModel;
import vn.nhan.service.model.ModelHolder;

/**
 * POST /v1/feedback stores an editor's correction (labels checked against the served taxonomy)
 * and answers 201 once it is committed; GET /v1/feedback?since=DATE lists them (admin token).
 */
public final class FeedbackRoutes {
    private static final Set<String> FIELDS = Set.of("id", "title", "text", "labels", "predicted");
    private final FeedbackStore store;
    private final ModelHolder models;
    private final ServiceConfig config;

    public FeedbackRoutes(FeedbackStore store, ModelHolder models, ServiceConfig config) {
        this.store = store;
        this.models = models;
        this.config = config;
    }

    public void register(Javalin app) {
        app.post("/v1/feedback", this::add);
        app.get("/v1/feedback", this::list);
    }

    private void add(Context ctx) throws SQLException {
        JsonNode body = JsonBody.object(ctx, config.maxBodyBytes());
        body.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ApiError.badRequest(f + " is not a known field (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        });
        JsonNode id = body.get("id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw ApiError.badRequest("id is required: the article's id, a non-empty string or an integer");
        }
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw ApiError.badRequest("text is required and must be a non-empty string");
        }
        JsonNode title = body.get("title");
        if (title != null && !title.isNull() && !title.isTextual()) {
            throw ApiError.badRequest("title must be a string");
        }
        LoadedModel model = Readiness.model(models);
        List<String> labels = strings(body.get("labels"), "labels", true);
        Taxonomy taxonomy = model.classifier().taxonomy();
        for (int i = 0; i < labels.size(); i++) {
            if (taxonomy.indexOf(labels.get(i)) < 0) {
                throw ApiError.badRequest("labels[" + i + "] '" + labels.get(i) + "' is not in the taxonomy (known: " + String.join(", ", taxonomy.ids()) + ")");
            }
        }
        List<String> predicted = strings(body.get("predicted"), "predicted", false);
        Feedback stored = store.add(new Feedback(0, id.asText(), title == null || title.isNull() ? null : title.asText(), text.asText(),
                labels, predicted, model.version(), null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id());
        out.put("document_id", stored.documentId());
        out.put("received", stored.received().toString());
        ctx.status(201).json(out);
    }

    private void list(Context ctx) throws SQLException {
        AdminRoutes.authorize(ctx, config.adminToken());
        Instant since = since(ctx.queryParam("since"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Feedback f : store.since(since)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("document_id", f.documentId());
            m.put("title", f.title());
            m.put("text", f.text());
            m.put("labels", f.labels());
            m.put("predicted", f.predicted());
            m.put("model_version", f.modelVersion());
            m.put("received", f.received().toString());
            items.add(m);
        }
        ctx.json(Map.of("since", since.toString(), "feedback", items));
    }

    static Instant since(String value) {
        try {
            return FeedbackStore.parseSince(value);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static List<String> strings(JsonNode node, String field, boolean required) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            if (required) {
                throw ApiError.badRequest(field + " is required: an array of label ids (possibly empty)");
            }
            return out;
        }
        if (!node.isArray()) {
            throw ApiError.badRequest(field + " must be an array of label ids");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw ApiError.badRequest(field + "[" + i + "] must be a string");
            }
            out.add(node.get(i).asText());
        }
        return out;
    }
}
