package vn.nhan.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.bundle.BundleManifest;
import vn.nhan.bundle.TrainingData;
import vn.nhan.data.Label;
import vn.nhan.feedback.Feedback;
import vn.nhan.feedback.FeedbackSplit;
import vn.nhan.feedback.RecentArticle;
import vn.nhan.feedback.StoreHealth;
import vn.nhan.model.Classifier;
import vn.nhan.model.Evidence;
import vn.nhan.model.Prediction;
import vn.nhan.model.TermWeight;
import vn.nhan.model.TrainingConfig;
import vn.nhan.service.serving.LoadedModel;

/** The JSON shapes the API answers with (openapi.json), as records: snake_case, fields in the documented order. */
public final class Responses {
    private Responses() {
    }

    /** The model that answered: {"id", "version"}. */
    public record ModelRef(String id, String version) {
        static ModelRef of(LoadedModel model) {
            return new ModelRef(model.id(), model.version());
        }
    }

    /** A label given to an article; evidence and ngrams only when explained. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LabelResult(String id, String name, double score, List<EvidencePassage> evidence, List<Ngram> ngrams) {
    }

    /** A passage behind a label, as offsets into the field sent. */
    public record EvidencePassage(String text, String field, int start, int end, double score) {
        static EvidencePassage of(Evidence e) {
            return new EvidencePassage(e.text(), e.field(), e.start(), e.end(), round(e.score()));
        }
    }

    /** A word or phrase that weighed in a passage. */
    public record Ngram(String ngram, double weight) {
    }

    /** The result for one article: id when sent (or its index in a batch), labels, every score, truncated when cut. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String id, List<LabelResult> labels, Map<String, Double> scores, Boolean truncated) {
    }

    /** POST /v1/classify: the model and the article's result in one object. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Classified(ModelRef model, String id, List<LabelResult> labels, Map<String, Double> scores, Boolean truncated, double elapsedMs) {
        static Classified of(ModelRef model, Result result, double elapsedMs) {
            return new Classified(model, result.id(), result.labels(), result.scores(), result.truncated(), elapsedMs);
        }
    }

    /** POST /v1/classify/batch. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record BatchClassified(ModelRef model, List<Result> results, double elapsedMs) {
    }

    /** A label of the taxonomy with its threshold. */
    public record LabelInfo(String id, String name, String group, String description, double threshold) {
    }

    /** GET /v1/labels. */
    public record LabelList(ModelRef model, List<LabelInfo> labels) {
    }

    /** GET /v1/model: the bundle's manifest as served (training data without paths). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelDescription(String id, String version, String created, String modelType, String format, int formatVersion,
                                   double neuralWeight, int vocabularySize, TrainingData trainingData, double trainingSeconds,
                                   BundleManifest.Metrics metrics, TrainingConfig trainingConfig, Map<String, String> libraries,
                                   List<LabelInfo> labels, String loadedAt) {
    }

    /** GET /health/live. */
    public record Status(String status) {
    }

    /** The feedback store in GET /health/ready: up, or degraded with the reason and since when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoreStatus(String status, String reason, String since) {
        static StoreStatus of(StoreHealth health) {
            return health.up() ? new StoreStatus("up", null, null) : new StoreStatus("degraded", health.reason(), health.since().toString());
        }
    }

    /** POST /admin/reload. */
    public record Reloaded(String status, ModelRef model) {
    }

    /** GET /health/ready. */
    public record Ready(String status, ModelRef model, StoreStatus store) {
    }

    /** POST /v1/feedback: the correction as stored. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FeedbackReceipt(long id, String documentId, String editor, boolean heldOut, String received) {
        static FeedbackReceipt of(Feedback f) {
            return new FeedbackReceipt(f.id(), f.documentId(), f.editor(), FeedbackSplit.isHeldOut(f.documentId()), f.received().toString());
        }
    }

    /** A stored correction in GET /v1/feedback. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FeedbackItem(long id, String documentId, String title, String text, List<String> labels, List<String> predicted,
                               String modelVersion, String editor, boolean overrideBase, boolean heldOut, String received) {
        static FeedbackItem of(Feedback f) {
            return new FeedbackItem(f.id(), f.documentId(), f.title(), f.text(), f.labels(), f.predicted(), f.modelVersion(), f.editor(),
                    f.overrideBase(), FeedbackSplit.isHeldOut(f.documentId()), f.received().toString());
        }
    }

    /** GET /v1/feedback: a page, and the id to pass as after= for the next one (null on the last page). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record FeedbackPage(String since, List<FeedbackItem> feedback, Long nextAfter) {
    }

    /** An article in the review queue. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReviewItem(long id, String documentId, String title, String text, List<String> labels, Map<String, Double> scores,
                             double margin, String modelVersion, String classified) {
        static ReviewItem of(RecentArticle a) {
            return new ReviewItem(a.id(), a.documentId(), a.title(), a.text(), a.labels(), a.scores(), a.margin(), a.modelVersion(),
                    a.received().toString());
        }
    }

    /** GET /v1/review. */
    public record ReviewQueue(List<ReviewItem> articles) {
    }

    /** labels (passing thresholds, best first, at most topK, explained when asked) and all scores of one article. */
    static Result result(LoadedModel model, ClassifyRequest request, Prediction prediction) {
        Classifier classifier = model.classifier();
        List<LabelResult> labels = new ArrayList<>();
        for (Prediction.LabelScore label : prediction.labels()) {
            labels.add(new LabelResult(label.id(), label.name(), round(label.score()),
                    request.explain() ? label.evidence().stream().map(EvidencePassage::of).toList() : null,
                    request.explain() ? ngrams(label.terms()) : null));
        }
        return new Result(request.id(), labels, scores(classifier, prediction.scores()), request.truncated() ? Boolean.TRUE : null);
    }

    /** Every label's score, rounded, in taxonomy order. */
    static Map<String, Double> scores(Classifier classifier, float[] scores) {
        Map<String, Double> all = new LinkedHashMap<>();
        for (int l = 0; l < scores.length; l++) {
            all.put(classifier.taxonomy().get(l).id(), round(scores[l]));
        }
        return all;
    }

    static List<LabelInfo> labels(LoadedModel model) {
        Classifier classifier = model.classifier();
        float[] thresholds = classifier.thresholds();
        List<LabelInfo> out = new ArrayList<>();
        for (int l = 0; l < classifier.taxonomy().size(); l++) {
            Label label = classifier.taxonomy().get(l);
            out.add(new LabelInfo(label.id(), label.name(), label.group(), label.description(), round(thresholds[l])));
        }
        return out;
    }

    private static List<Ngram> ngrams(List<TermWeight> terms) {
        return terms.stream().map(t -> new Ngram(t.ngram(), round(t.weight()))).toList();
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
