package vn.nhan.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.data.Document;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluator;
import vn.nhan.features.SparseVector;

/** Scores labelled documents with a classifier and evaluates each of its views. */
public final class ClassifierEvaluator {
    private ClassifierEvaluator() {
    }

    /**
     * The evaluation of every view the classifier has (its own type first, then its parts), on
     * documents whose labels are all in its taxonomy.
     */
    public static Map<ModelType, MultiLabelEvaluation> evaluate(Classifier classifier, List<Document> documents) {
        List<SparseVector> rows = documents.parallelStream().map(d -> classifier.features().extract(d.title(), d.text())).toList();
        boolean[][] gold = documents.stream().map(d -> classifier.taxonomy().encode(d.labels())).toArray(boolean[][]::new);
        MultiLabelEvaluator evaluator = new MultiLabelEvaluator(classifier.taxonomy().ids());
        Map<ModelType, MultiLabelEvaluation> out = new LinkedHashMap<>();
        out.put(classifier.type(), evaluator.evaluate(gold, classifier.scoresParallel(rows, classifier.type(), 64), classifier.thresholds()));
        for (ModelType view : ModelType.values()) {
            if (view != classifier.type() && classifier.views().contains(view)) {
                out.put(view, evaluator.evaluate(gold, classifier.scoresParallel(rows, view, 64), classifier.thresholds(view)));
            }
        }
        return out;
    }
}
