package vn.nhan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.model.Classifier;
import vn.nhan.model.ClassifierEvaluator;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.model.ModelType;
import vn.nhan.model.Prediction;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.TagOptions;
import vn.nhan.model.Tagger;
import vn.nhan.model.TrainingConfig;

/**
 * The two-part gate on two real tiny models: the champion trained on the frozen training split, a
 * challenger that has also seen the test split (so it is better on it), and held-out corrections
 * that agree with the champion (so the challenger is worse on them).
 */
class RetrainGateTest {
    static Classifier champion;
    static Classifier challenger;
    static List<Document> test;
    static List<Document> heldOut;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(RetrainGateTest.class.getResource("/frozen/" + name).toURI());
    }

    @BeforeAll
    static void train() throws Exception {
        Taxonomy taxonomy = Taxonomy.read(Path.of("..", "data", "taxonomy.json"));
        List<Document> training = CorpusReader.read(resource("train.jsonl")).documents();
        test = CorpusReader.read(resource("test.jsonl")).documents();
        TrainingConfig config = TrainingConfig.defaults().withModelType(ModelType.LINEAR).withFolds(3);
        champion = new ClassifierTrainer(config, ProgressListener.SILENT).train(training, taxonomy).classifier();
        List<Document> more = new ArrayList<>(training);
        more.addAll(test);
        challenger = new ClassifierTrainer(config, ProgressListener.SILENT).train(more, taxonomy).classifier();
        List<Prediction> championSays = new Tagger(champion).tagAll(test, TagOptions.defaults());
        heldOut = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            Document d = test.get(i);
            heldOut.add(new Document("held-" + i, d.title(), d.text(), championSays.get(i).labels().stream().map(Prediction.LabelScore::id).toList()));
        }
    }

    static double testF1(Classifier c) {
        return ClassifierEvaluator.evaluate(c, test).get(c.type()).microF1();
    }

    @Test
    void aChallengerBetterOnTheTestSplitButWorseOnTheHeldOutCorrectionsIsRefused() {
        assertTrue(testF1(challenger) > testF1(champion), "precondition: the challenger is better on data/test");
        RetrainGate.Verdict verdict = new RetrainGate(new GateConfig(0, 1, 1, 30, false)).judge(champion, challenger, test, heldOut, List.of());
        assertFalse(verdict.promote());
        assertEquals(1, verdict.objections().size(), verdict.objections().toString());
        assertTrue(verdict.objections().get(0).startsWith("held-out corrections micro-F1 "), verdict.objections().toString());
        RetrainGate.Comparison held = verdict.evaluation().heldOut();
        assertEquals(heldOut.size(), held.documents());
        assertTrue(held.challenger().microF1() < held.champion().microF1(), held.toString());
        assertEquals(test.size(), verdict.evaluation().test().documents());
    }

    @Test
    void theHeldOutCheckIsSkippedAndSaidSoUnderThirtyCorrections() {
        RetrainGate.Verdict verdict = new RetrainGate(new GateConfig(0, 1, 1, 30, false)).judge(champion, challenger, test, heldOut.subList(0, 29), List.of());
        assertTrue(verdict.promote(), verdict.objections().toString());
        RetrainGate.Comparison held = verdict.evaluation().heldOut();
        assertEquals("the held-out check starts at 30 held-out corrections; there are 29", held.skipped());
        assertEquals(null, held.champion());
    }

    @Test
    void churnOverTheLimitIsRefusedThenAcceptedWhenApproved() {
        List<Document> recent = test.stream().map(d -> new Document("recent-" + d.id(), d.title(), d.text(), List.of())).toList();
        RetrainGate.Verdict refused = new RetrainGate(new GateConfig(0, 1, 0.0, 1000, false)).judge(champion, challenger, test, List.of(), recent);
        assertFalse(refused.promote());
        assertEquals(1, refused.objections().size(), refused.objections().toString());
        assertTrue(refused.objections().get(0).startsWith("the challenger changes the labels of "), refused.objections().toString());
        RetrainGate.Churn churn = refused.evaluation().churn();
        assertEquals(recent.size(), churn.articles());
        assertTrue(churn.churn() > 0);
        RetrainGate.Verdict approved = new RetrainGate(new GateConfig(0, 1, 0.0, 1000, true)).judge(champion, challenger, test, List.of(), recent);
        assertTrue(approved.promote(), approved.objections().toString());
        RetrainGate.Verdict same = new RetrainGate(new GateConfig(0, 0.1, 0.0, 30, false)).judge(champion, champion, test, heldOut, recent);
        assertTrue(same.promote(), same.objections().toString());
    }

    @Test
    void gateSettingsMustBeFiniteAndInRange() {
        assertThrows(IllegalArgumentException.class, () -> new GateConfig(Double.NaN, 0.1, 0.2, 30, false));
        assertThrows(IllegalArgumentException.class, () -> new GateConfig(0, -0.1, 0.2, 30, false));
        assertThrows(IllegalArgumentException.class, () -> new GateConfig(0, 0.1, 1.5, 30, false));
        assertThrows(IllegalArgumentException.class, () -> new GateConfig(0, Double.POSITIVE_INFINITY, 0.2, 30, false));
        assertEquals("the max churn must be a finite number from 0.0 to 1.0, got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new GateConfig(0, 0.1, 1.5, 30, false)).getMessage());
    }
}
