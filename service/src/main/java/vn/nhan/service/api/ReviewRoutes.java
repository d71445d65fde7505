package vn.nhan.service.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
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
import vn.nhan.service.EditorsConfig;
import vn.nhan.service.auth.Role;
import vn.nhan.service.serving.LoadedModel;
import vn.nhan.service.serving.ModelHolder;

/**
 * The review queue. After each successful POST /v1/classify, the article is kept in the feedback
 * database (a bounded number, for a bounded time) with the scores it was answered with (not tagged
 * again) and its margin, the smallest distance of a score to its label's threshold; storing runs on
 * one background thread with a short queue, dropping work rather than slowing classification. GET /v1/review (editor key) lists the least certain
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
        Answered answered = ctx.attribute(Answered.ATTRIBUTE);
        if (ctx.statusCode() != 200 || answered == null || !store.isAvailable()) { // a store that is down is not waited for
            return;
        }
        recorder.execute(() -> record(answered));
    }

    /**
     * Keeps the article with the scores it was answered with: every label's score does not depend on
     * the request's threshold or top_k, and its labels are those passing the model's own thresholds.
     */
    void record(Answered answered) {
        LoadedModel model = answered.model();
        Classifier classifier = model.classifier();
        float[] scored = answered.prediction().scores();
        // the model's own thresholds for the scores sent: blended, or whole-article when passages were off
        float[] thresholds = answered.request().options().passages() ? classifier.thresholds() : classifier.wholeArticleThresholds(classifier.type());
        Map<String, Double> scores = new LinkedHashMap<>();
        double margin = Double.MAX_VALUE;
        for (int i = 0; i < scored.length; i++) {
            scores.put(classifier.taxonomy().ids().get(i), (double) scored[i]);
            margin = Math.min(margin, Math.abs(scored[i] - thresholds[i]));
        }
        List<String> labels = classifier.toPrediction(scored, thresholds).labels().stream().map(Prediction.LabelScore::id).toList();
        ClassifyRequest request = answered.request();
        try {
            store.addRecent(new RecentArticle(0, request.id(), request.title(), request.text(), scores, labels, margin, model.version(), null),
                    config.reviewKeep(), config.reviewRetention());
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
        ctx.json(new Responses.ReviewQueue(store.reviewQueue(limit).stream().map(Responses.ReviewItem::of).toList()));
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
