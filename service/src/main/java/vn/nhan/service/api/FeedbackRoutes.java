package vn.nhan.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.nhan.data.Taxonomy;
import vn.nhan.feedback.Feedback;
import vn.nhan.feedback.FeedbackSplit;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.service.EditorsConfig;
import vn.nhan.service.ServiceConfig;
import vn.nhan.service.auth.Principal;
import vn.nhan.service.auth.Role;
import vn.nhan.service.serving.LoadedModel;
import vn.nhan.service.serving.ModelHolder;

/**
 * POST /v1/feedback stores an editor's correction (labels and predicted labels checked against the
 * served taxonomy, no duplicates, sizes capped) with the editor's name, and answers 201 once it is
 * committed; {@code override_base: true} (admin keys only) lets it replace a base-corpus document
 * of the same id when retraining. GET /v1/feedback lists them, a page at a time. Both need an
 * editor or admin key. The body is bound to {@link FeedbackBody}. A store that is busy or down gives
 * 503 with Retry-After (mapped in HttpService), and nothing is acknowledged that is not committed.
 */
public final class FeedbackRoutes {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    private final FeedbackStore store;
    private final ModelHolder models;
    private final ServiceConfig config;
    private final EditorsConfig editors;

    public FeedbackRoutes(FeedbackStore store, ModelHolder models, ServiceConfig config, EditorsConfig editors) {
        this.store = store;
        this.models = models;
        this.config = config;
        this.editors = editors;
    }

    public void register(Javalin app) {
        app.post("/v1/feedback", this::add, Role.EDITOR);
        app.get("/v1/feedback", this::list, Role.EDITOR);
    }

    private void add(Context ctx) throws SQLException {
        Principal editor = Principal.of(ctx);
        FeedbackBody body = RequestBinding.bind(JsonBody.object(ctx, config.maxBodyBytes()), FeedbackBody.class);
        JsonNode id = body.id();
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw ApiError.badRequest("id is required: the article's id, a non-empty string or an integer");
        }
        String documentId = capped("id", id.asText().strip(), editors.maxIdChars());
        if (body.text() == null || body.text().isBlank()) {
            throw ApiError.badRequest("text is required and must be a non-empty string");
        }
        String text = capped("text", body.text(), editors.maxTextChars());
        String title = body.title() == null ? null : capped("title", body.title(), editors.maxTitleChars());
        boolean overrideBase = Boolean.TRUE.equals(body.overrideBase());
        if (overrideBase && !editor.isAdmin()) {
            throw new ApiError(403, "forbidden", "override_base (replacing a base-corpus document when retraining) needs an admin key; the key '"
                    + editor.name() + "' is " + editor.role().id());
        }
        LoadedModel model = Readiness.model(models);
        Taxonomy taxonomy = model.classifier().taxonomy();
        List<String> labels = labels(body.labels(), "labels", true, taxonomy);
        List<String> predicted = labels(body.predicted(), "predicted", false, taxonomy);
        Feedback stored = store.add(Feedback.of(documentId, title, text, labels, predicted, model.version(), editor.name())
                .withOverrideBase(overrideBase));
        ctx.status(201).json(Responses.FeedbackReceipt.of(stored));
    }

    private void list(Context ctx) throws SQLException {
        Instant since = since(ctx.queryParam("since"));
        int limit = integer(ctx.queryParam("limit"), "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        long after = integer(ctx.queryParam("after"), "after", 0, 0, Long.MAX_VALUE);
        List<Feedback> page = store.page(since, after, limit);
        ctx.json(new Responses.FeedbackPage(since.toString(), page.stream().map(Responses.FeedbackItem::of).toList(),
                page.size() == limit ? page.get(page.size() - 1).id() : null));
    }

    static Instant since(String value) {
        try {
            return FeedbackStore.parseSince(value);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static long integer(String value, String name, long fallback, long least, long most) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= least && n <= most) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiError.badRequest(name + " must be an integer from " + least + " to " + most + ", got '" + value + "'");
    }

    private static int integer(String value, String name, int fallback, int least, int most) {
        return (int) integer(value, name, (long) fallback, least, (long) most);
    }

    private static String capped(String field, String value, int most) {
        if (value.length() > most) {
            throw new ApiError(413, "too_large", field + " has " + value.length() + " characters; at most " + most + " are accepted");
        }
        return value;
    }

    private static List<String> labels(List<String> given, String field, boolean required, Taxonomy taxonomy) {
        if (given == null) {
            if (required) {
                throw ApiError.badRequest(field + " is required: an array of label ids (possibly empty)");
            }
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String label = given.get(i);
            if (label == null) {
                throw ApiError.badRequest(field + "[" + i + "] must be a string, got null");
            }
            if (taxonomy.indexOf(label) < 0) {
                throw ApiError.badRequest(field + "[" + i + "] " + taxonomy.notInTaxonomy(label));
            }
            if (!seen.add(label)) {
                throw ApiError.badRequest(field + "[" + i + "] '" + label + "' is given twice");
            }
        }
        return List.copyOf(given);
    }
}
