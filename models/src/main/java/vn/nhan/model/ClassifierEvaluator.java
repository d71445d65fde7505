package vn.nhan.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.data.Document;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluator;
import vn.nhan.features.ArticleFeatures;

/**
 * Scores labelled documents with a classifier and evaluates each of its views: the article scores
 * (passages blended in, as the classifier predicts) and the whole-article scores alone, side by
 * side, on all documents and on the long ones.
 */
public final class ClassifierEvaluator {
    /** Articles of at least this many words (title and text, split at spaces) form the long subset. */
    public static final int LONG_ARTICLE_WORDS = 1000;

    private ClassifierEvaluator() {
    }

    /**
     * The evaluation of the article scores of every view the classifier has (its own type first,
     * then its parts), on documents whose labels are all in its taxonomy.
     */
    public static Map<ModelType, MultiLabelEvaluation> evaluate(Classifier classifier, List<Document> documents) {
        Scored scored = new Scored(classifier, documents);
        Map<ModelType, MultiLabelEvaluation> out = new LinkedHashMap<>();
        for (ModelType view : views(classifier)) {
            out.put(view, scored.evaluate(view, true, null));
        }
        return out;
    }

    /**
     * Named evaluations for a report: {@code "<view>"} (article scores, passages blended) and
     * {@code "<view> whole-article"} for every view, then the same two for the classifier's own view
     * on the articles of at least {@link #LONG_ARTICLE_WORDS} words ({@code "... long (N)"}), when
     * there are any.
     */
    public static Map<String, MultiLabelEvaluation> sideBySide(Classifier classifier, List<Document> documents) {
        Scored scored = new Scored(classifier, documents);
        Map<String, MultiLabelEvaluation> out = new LinkedHashMap<>();
        for (ModelType view : views(classifier)) {
            out.put(view.id(), scored.evaluate(view, true, null));
            out.put(view.id() + " whole-article", scored.evaluate(view, false, null));
        }
        List<Integer> longRows = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (words(documents.get(i)) >= LONG_ARTICLE_WORDS) {
                longRows.add(i);
            }
        }
        if (!longRows.isEmpty()) {
            String suffix = " long (" + longRows.size() + ")";
            out.put(classifier.type().id() + suffix, scored.evaluate(classifier.type(), true, longRows));
            out.put(classifier.type().id() + " whole-article" + suffix, scored.evaluate(classifier.type(), false, longRows));
        }
        return out;
    }

    /** Words of an article's title and text, split at spaces. */
    public static int words(Document d) {
        String all = (d.title() == null ? "" : d.title() + " ") + d.text();
        int words = 0;
        boolean in = false;
        for (int i = 0; i < all.length(); i++) {
            boolean space = Character.isWhitespace(all.charAt(i));
            if (!space && !in) {
                words++;
            }
            in = !space;
        }
        return words;
    }

    private static List<ModelType> views(Classifier classifier) {
        List<ModelType> views = new ArrayList<>();
        views.add(classifier.type());
        for (ModelType view : ModelType.values()) {
            if (view != classifier.type() && classifier.views().contains(view)) {
                views.add(view);
            }
        }
        return views;
    }

    /** The documents' features, extracted once, and their gold labels. */
    private static final class Scored {
        final Classifier classifier;
        final List<ArticleFeatures> features;
        final boolean[][] gold;
        final MultiLabelEvaluator evaluator;

        Scored(Classifier classifier, List<Document> documents) {
            this.classifier = classifier;
            this.features = documents.parallelStream().map(d -> classifier.features().extractArticle(d.title(), d.text(), false)).toList();
            this.gold = documents.stream().map(d -> classifier.taxonomy().encode(d.labels())).toArray(boolean[][]::new);
            this.evaluator = new MultiLabelEvaluator(classifier.taxonomy().ids());
        }

        MultiLabelEvaluation evaluate(ModelType view, boolean passages, List<Integer> rows) {
            List<ArticleFeatures> f = rows == null ? features : rows.stream().map(features::get).toList();
            boolean[][] g = rows == null ? gold : rows.stream().map(i -> gold[i]).toArray(boolean[][]::new);
            float[][] scores = classifier.scoreArticles(f, view, passages);
            float[] thresholds = passages ? classifier.thresholds(view) : classifier.wholeArticleThresholds(view);
            return evaluator.evaluate(g, scores, thresholds);
        }
    }
}
