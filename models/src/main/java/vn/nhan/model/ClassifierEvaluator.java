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
 * Scores labelled documents with a classifier and evaluates each of its model types: the article scores
 * (passages blended in, as the classifier predicts) and the whole-article scores alone, side by
 * side, on all documents and on the long ones.
 */
public final class ClassifierEvaluator {
    /** Articles of at least this many words (title and text, split at spaces) form the long subset. */
    public static final int LONG_ARTICLE_WORDS = 1000;

    private ClassifierEvaluator() {
    }

    /**
     * The evaluation of the article scores of every model type the classifier has (its own type first,
     * then its parts), on documents whose labels are all in its taxonomy.
     */
    public static Map<ModelType, MultiLabelEvaluation> evaluate(Classifier classifier, List<Document> documents) {
        List<ScoredArticle> scored = scoreAll(classifier, documents);
        MultiLabelEvaluator evaluator = new MultiLabelEvaluator(classifier.taxonomy().ids());
        Map<ModelType, MultiLabelEvaluation> out = new LinkedHashMap<>();
        List<ModelType> modelTypes = modelTypes(classifier);
        for (int v = 0; v < modelTypes.size(); v++) {
            out.put(modelTypes.get(v), evaluate(evaluator, scored, v, true, classifier.thresholds(modelTypes.get(v))));
        }
        return out;
    }

    /**
     * Named evaluations for a report: {@code "<type>"} (article scores, passages blended) and
     * {@code "<type> whole-article"} for every model type, then the same two for the classifier's own model type
     * on the articles of at least {@link #LONG_ARTICLE_WORDS} words ({@code "... long (N)"}), when
     * there are any.
     */
    public static Map<String, MultiLabelEvaluation> sideBySide(Classifier classifier, List<Document> documents) {
        return sideBySideScored(classifier, scoreAll(classifier, documents));
    }

    /** {@link #sideBySide} of articles already scored by {@link #score} (in any order, anywhere). */
    public static Map<String, MultiLabelEvaluation> sideBySideScored(Classifier classifier, List<ScoredArticle> scored) {
        MultiLabelEvaluator evaluator = new MultiLabelEvaluator(classifier.taxonomy().ids());
        Map<String, MultiLabelEvaluation> out = new LinkedHashMap<>();
        List<ModelType> modelTypes = modelTypes(classifier);
        for (int v = 0; v < modelTypes.size(); v++) {
            ModelType modelType = modelTypes.get(v);
            out.put(modelType.id(), evaluate(evaluator, scored, v, true, classifier.thresholds(modelType)));
            out.put(modelType.id() + " whole-article", evaluate(evaluator, scored, v, false, classifier.wholeArticleThresholds(modelType)));
        }
        List<ScoredArticle> longOnes = scored.stream().filter(a -> a.words() >= LONG_ARTICLE_WORDS).toList();
        if (!longOnes.isEmpty()) {
            String suffix = " long (" + longOnes.size() + ")";
            ModelType own = classifier.type();
            out.put(own.id() + suffix, evaluate(evaluator, longOnes, 0, true, classifier.thresholds(own)));
            out.put(own.id() + " whole-article" + suffix, evaluate(evaluator, longOnes, 0, false, classifier.wholeArticleThresholds(own)));
        }
        return out;
    }

    /**
     * One labelled article scored by every model type, with and without passages; its labels must be in
     * the classifier's taxonomy.
     */
    public static ScoredArticle score(Classifier classifier, Document document) {
        ArticleFeatures features = classifier.features().extractArticle(document.title(), document.text(), false);
        List<ModelType> modelTypes = modelTypes(classifier);
        float[][] blended = new float[modelTypes.size()][];
        float[][] whole = new float[modelTypes.size()][];
        for (int v = 0; v < modelTypes.size(); v++) {
            ArticleScores s = classifier.score(features, modelTypes.get(v));
            blended[v] = s.blended();
            whole[v] = s.whole();
        }
        return new ScoredArticle(classifier.taxonomy().encode(document.labels()), words(document), blended, whole);
    }

    private static List<ScoredArticle> scoreAll(Classifier classifier, List<Document> documents) {
        return documents.parallelStream().map(d -> score(classifier, d)).toList();
    }

    private static MultiLabelEvaluation evaluate(MultiLabelEvaluator evaluator, List<ScoredArticle> scored, int modelType, boolean passages,
            float[] thresholds) {
        boolean[][] gold = scored.stream().map(ScoredArticle::gold).toArray(boolean[][]::new);
        float[][] scores = scored.stream().map(a -> passages ? a.blended()[modelType] : a.whole()[modelType]).toArray(float[][]::new);
        return evaluator.evaluate(gold, scores, thresholds);
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

    private static List<ModelType> modelTypes(Classifier classifier) {
        List<ModelType> modelTypes = new ArrayList<>();
        modelTypes.add(classifier.type());
        for (ModelType modelType : ModelType.values()) {
            if (modelType != classifier.type() && classifier.modelTypes().contains(modelType)) {
                modelTypes.add(modelType);
            }
        }
        return modelTypes;
    }
}
