package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.eval.LabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluator;
import vn.nhan.features.SparseVector;

/**
 * The default model, trained on data/corpus with the default configuration, on the fixed test split
 * data/test: micro-F1 at least 0.80, every label's F1 at least 0.55, and the ensemble at least as
 * good as each of its parts. Slow (trains the full default model): runs in .ci/run with -Pe2e.
 */
@Tag("slow")
class DefaultModelQualityTest {
    @Test
    void theDefaultModelMeetsItsQualityTargetsOnTheTestSplit() throws IOException {
        Path data = Path.of("..", "data");
        Taxonomy taxonomy = Taxonomy.read(data.resolve("taxonomy.json"));
        List<Document> train = CorpusReader.read(data.resolve("corpus")).documents();
        List<Document> test = CorpusReader.read(data.resolve("test")).documents();
        Classifier classifier = new ClassifierTrainer(TrainingConfig.defaults(), ProgressListener.SILENT).train(train, taxonomy).classifier();
        List<SparseVector> rows = test.stream().map(d -> classifier.features().extract(d.title(), d.text())).toList();
        boolean[][] gold = test.stream().map(d -> taxonomy.encode(d.labels())).toArray(boolean[][]::new);
        MultiLabelEvaluator evaluator = new MultiLabelEvaluator(taxonomy.ids());
        MultiLabelEvaluation ensemble = evaluator.evaluate(gold, classifier.scores(rows, ModelType.ENSEMBLE), classifier.thresholds(ModelType.ENSEMBLE));
        MultiLabelEvaluation neural = evaluator.evaluate(gold, classifier.scores(rows, ModelType.NEURAL), classifier.thresholds(ModelType.NEURAL));
        MultiLabelEvaluation linear = evaluator.evaluate(gold, classifier.scores(rows, ModelType.LINEAR), classifier.thresholds(ModelType.LINEAR));
        assertTrue(ensemble.microF1() >= 0.80, "micro-F1 " + ensemble.microF1());
        for (var e : ensemble.perLabel().entrySet()) {
            LabelEvaluation l = e.getValue();
            assertTrue(l.f1() >= 0.55, e.getKey() + " F1 " + l.f1());
        }
        assertTrue(ensemble.microF1() >= neural.microF1(), "ensemble " + ensemble.microF1() + " vs neural " + neural.microF1());
        assertTrue(ensemble.microF1() >= linear.microF1(), "ensemble " + ensemble.microF1() + " vs linear " + linear.microF1());
    }
}
