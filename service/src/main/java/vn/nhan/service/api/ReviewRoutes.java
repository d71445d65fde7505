package vn.nhan.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.feedback.RecentArticle;
import vn.nhan.model.Classifier;
import vn.nhan.model.Prediction;
import vn.nhan.model.TagOptions;
import vn.nhan.service.EditorsConfig;
import vn.nhan.service.auth.Role;
import vn.nhan.service.serving.LoadedModel;
import vn.nhan.service.serving.ModelHolder;

/**
 * The review queue. After each successful POST /v1/classify, the article is kept in the feedback
 * database (a bounded number, for a bounded time) with its margin, the smallest distance of a
 * score to its label's threshold; this runs on one background thread with a short queue, dropping
 * work rather than slowing classification. GET /v1/review (editor key) lists the least certain
 * first: what an editor's correction teaches the model most.
 */
public final class ReviewRoutes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewRoutes.class);
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 200;
    private final FeedbackStore store;
    private final ModelHolder models;
    private final EditorsConfig config;
    private final ThreadPoolExecutor recorder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
            r -> {
                Thread t = new Thread(r, "review-queue");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    public ReviewRoutes(FeedbackStore store, ModelHolder models, EditorsConfig config) {
        this.store = store;
        this.models = models;
        this.config = config;
    }

    public void register(Javalin app) {
        app.get("/v1/review", this::list, Role.EDITOR);
        app.after("/v1/classify", this::keep);
    }

    private void keep(Context ctx) {
        if (ctx.statusCode() != 200) {
            return;
        }
        JsonNode body = ctx.attribute(JsonBody.ATTRIBUTE);
        LoadedModel model = models.current().orElse(null);
        if (body == null || model == null || !body.path("text").isTextual() || !store.isAvailable()) { // a store that is down is not waited for
            return;
        }
        String id = body.path("id").isValueNode() ? body.path("id").asText(null) : null;
        String title = body.path("title").isTextual() ? body.path("title").asText() : null;
        String text = body.get("text").asText();
        recorder.execute(() -> record(model, id, title, text));
    }

    private void record(LoadedModel model, String id, String title, String text) {
        Classifier classifier = model.classifier();
        Prediction p = model.tagger().tag(title, text, TagOptions.defaults());
        float[] thresholds = classifier.thresholds();
        Map<String, Double> scores = new LinkedHashMap<>();
        double margin = Double.MAX_VALUE;
        for (int i = 0; i < p.scores().length; i++) {
            scores.put(classifier.taxonomy().ids().get(i), (double) p.scores()[i]);
            margin = Math.min(margin, Math.abs(p.scores()[i] - thresholds[i]));
        }
        try {
            store.addRecent(new RecentArticle(0, id, title, text, scores, p.labels().stream().map(Prediction.LabelScore::id).toList(), margin,
                    model.version(), null), config.reviewKeep(), config.reviewRetention());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not keep a classified article for the review queue: {}", e.getMessage());
        }
    }

    private void list(Context ctx) throws SQLException {
        String value = ctx.queryParam("limit");
        int limit = DEFAULT_LIMIT;
        if (value != null) {
            try {
                limit = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiError.badRequest("limit must be an integer from 1 to " + MAX_LIMIT + ", got '" + value + "'");
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (RecentArticle a : store.reviewQueue(limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("document_id", a.documentId());
            m.put("title", a.title());
            m.put("text", a.text());
            m.put("labels", a.labels());
            m.put("scores", a.scores());
            m.put("margin", a.margin());
            m.put("model_version", a.modelVersion());
            m.put("classified", a.received().toString());
            items.add(m);
        }
        ctx.json(Map.of("articles", items));
    }

    /** Waits until every article handed to the queue so far is stored (for tests); false on timeout. */
    public boolean drain(java.time.Duration timeout) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        recorder.execute(done::countDown); // one thread, first in first out: runs after everything before it
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits briefly for the articles already queued to be kept. */
    @Override
    public void close() {
        recorder.shutdown();
        try {
            recorder.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
