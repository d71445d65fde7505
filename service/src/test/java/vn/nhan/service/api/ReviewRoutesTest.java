package vn.nhan.service.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.feedback.RecentArticle;
import vn.nhan.model.Classifier;
import vn.nhan.model.Prediction;
import vn.nhan.model.TagOptions;
import vn.nhan.service.EditorsConfig;
import vn.nhan.service.TestModels;
import vn.nhan.service.serving.LoadedModel;
import vn.nhan.service.serving.ModelHolder;

/** The review queue keeps an answered article with the prediction it was answered with: it does not tag it again. */
class ReviewRoutesTest {
    @TempDir
    Path dir;

    @Test
    void theQueueKeepsTheAnsweredScoresAndTheLabelsAtTheModelsThresholds() throws Exception {
        try (ModelHolder models = new ModelHolder(); FeedbackStore store = FeedbackStore.open(FeedbackStore.sqliteUrl(dir))) {
            LoadedModel model = models.loadNow(TestModels.save(dir.resolve("model")).path());
            Classifier classifier = model.classifier();
            float[] thresholds = classifier.thresholds();
            // scores no tagging of this text gives: the first label just above its threshold, every other one below its own
            float[] answered = new float[thresholds.length];
            for (int i = 0; i < answered.length; i++) {
                answered[i] = i == 0 ? Math.min(1f, thresholds[0] + 0.01f) : Math.max(0f, thresholds[i] - 0.02f - 0.001f * i);
            }
            String text = "Ban Tuyên giáo Tỉnh ủy họp sơ kết công tác tuyên giáo sáu tháng đầu năm.";
            Prediction tagged = model.tagger().tag("Hội nghị sơ kết", text, TagOptions.defaults());
            assertNotEquals(tagged.scores()[1], answered[1], "the test's scores must differ from the model's own");
            // the client asked for one label at a threshold of 0.99: the queue still keeps the labels at the model's thresholds
            ClassifyRequest request = new ClassifyRequest("rq-9", "Hội nghị sơ kết", text, 0.99f, 1, false, false);
            ReviewRoutes review = new ReviewRoutes(store, models, EditorsConfig.defaults());
            review.record(new Answered(model, request, new Prediction(List.of(), answered)));
            assertTrue(review.drain(Duration.ofSeconds(30)));

            List<RecentArticle> queue = store.reviewQueue(10);
            assertEquals(1, queue.size(), queue.toString());
            RecentArticle kept = queue.get(0);
            assertEquals("rq-9", kept.documentId());
            assertEquals(text, kept.text());
            assertEquals(List.of(classifier.taxonomy().ids().get(0)), kept.labels());
            Map<String, Double> expected = new HashMap<>();
            double margin = Double.MAX_VALUE;
            for (int i = 0; i < answered.length; i++) {
                expected.put(classifier.taxonomy().ids().get(i), (double) answered[i]);
                margin = Math.min(margin, Math.abs(answered[i] - thresholds[i]));
            }
            assertEquals(expected, kept.scores(), "the scores the article was answered with");
            assertEquals(margin, kept.margin(), 1e-9);
            assertEquals(model.version(), kept.modelVersion());
            review.close();
        }
    }
}
