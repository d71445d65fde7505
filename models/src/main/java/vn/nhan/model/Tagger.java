package vn.nhan.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import vn.nhan.data.Document;
import vn.nhan.features.ArticleFeatures;

/**
 * The one path from an article to its labels, which the command line, the service, evaluation and
 * batch jobs all call: extract the features of the article and its passages once, score them,
 * blend, apply the thresholds and {@code topK}, and explain when asked. Immutable and thread-safe.
 */
public final class Tagger {
    private final Classifier classifier;

    public Tagger(Classifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier must not be null");
    }

    public Classifier classifier() {
        return classifier;
    }

    /** The labels of one article; {@code title} may be null. */
    public Prediction tag(String title, String text, TagOptions options) {
        // A passage weight of 0 makes the blend the whole-article score: passages are then cut and
        // scored only for evidence.
        boolean blend = options.passages() && classifier.passages().weight() > 0;
        ArticleFeatures features = classifier.features().extractArticle(title, text, options.explain(), blend || options.explain());
        ArticleScores articleScores = classifier.score(features, classifier.type());
        float[] scores = options.passages() ? articleScores.blended() : articleScores.whole();
        float[] thresholds = thresholds(options);
        Prediction prediction = classifier.toPrediction(scores, thresholds);
        List<Prediction.LabelScore> labels = prediction.labels().subList(0, Math.min(options.topK(), prediction.labels().size()));
        if (options.explain()) {
            Explainer explainer = new Explainer(classifier, features, articleScores, title, text);
            List<Prediction.LabelScore> explained = new ArrayList<>(labels.size());
            for (Prediction.LabelScore label : labels) {
                int index = classifier.taxonomy().indexOf(label.id());
                explained.add(explainer.explain(label, index, thresholds[index]));
            }
            labels = explained;
        }
        return new Prediction(List.copyOf(labels), prediction.scores());
    }

    /** The labels of many articles, on all cores, in order. */
    public List<Prediction> tagAll(List<Document> documents, TagOptions options) {
        Prediction[] out = new Prediction[documents.size()];
        IntStream.range(0, documents.size()).parallel().forEach(i -> {
            Document d = documents.get(i);
            out[i] = tag(d.title(), d.text(), options);
        });
        return Arrays.asList(out);
    }

    private float[] thresholds(TagOptions options) {
        float[] thresholds = options.passages() ? classifier.thresholds() : classifier.wholeArticleThresholds(classifier.type());
        if (options.threshold() != null) {
            Arrays.fill(thresholds, options.threshold());
        }
        return thresholds;
    }
}
