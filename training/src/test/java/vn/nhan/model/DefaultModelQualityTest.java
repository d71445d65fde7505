package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.eval.LabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluation;

/**
 * The default model, trained on data/corpus with the default configuration, on the fixed test split
 * data/test, scored through the one evaluation path (passages blended, as the model predicts):
 * micro-F1 at least 0.85, every label's F1 at least 0.65, passages better than whole articles
 * alone (also on the long articles), and the neural network earning its place: a neural weight
 * above 0 and the ensemble better than the linear model alone. Slow (trains the full default
 * model): runs in .ci/run with -Pe2e.
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
        Map<String, MultiLabelEvaluation> all = ClassifierEvaluator.sideBySide(classifier, test);
        MultiLabelEvaluation ensemble = all.get("ensemble");
        assertTrue(ensemble.microF1() >= 0.85, "micro-F1 " + ensemble.microF1());
        for (var e : ensemble.perLabel().entrySet()) {
            LabelEvaluation l = e.getValue();
            assertTrue(l.f1() >= 0.65, e.getKey() + " F1 " + l.f1());
        }
        assertTrue(ensemble.microF1() > all.get("ensemble whole-article").microF1(), "passages help: " + summary(all));
        String longKey = all.keySet().stream().filter(k -> k.startsWith("ensemble long")).findFirst().orElseThrow();
        String longWholeKey = all.keySet().stream().filter(k -> k.startsWith("ensemble whole-article long")).findFirst().orElseThrow();
        assertTrue(all.get(longKey).microF1() > all.get(longWholeKey).microF1(), "passages help on long articles: " + summary(all));
        assertTrue(classifier.neuralWeight() > 0, "neural weight " + classifier.neuralWeight());
        assertTrue(ensemble.microF1() > all.get("linear").microF1(), "the network earns its place: " + summary(all));
    }

    private static String summary(Map<String, MultiLabelEvaluation> all) {
        StringBuilder b = new StringBuilder();
        all.forEach((k, v) -> b.append(k).append(' ').append(String.format("%.4f", v.microF1())).append("; "));
        return b.toString();
    }
}
