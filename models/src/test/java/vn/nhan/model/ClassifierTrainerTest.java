package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.nhan.data.Document;
import vn.nhan.data.Label;
import vn.nhan.data.Taxonomy;
import vn.nhan.features.SparseVector;

/** Training tiny models on {@link SyntheticCorpus}: determinism, probabilities, and refusals of bad corpora. */
class ClassifierTrainerTest {

    private static final List<Document> DOCS = SyntheticCorpus.documents(48, 1);
    private static final Taxonomy TAXONOMY = SyntheticCorpus.taxonomy();
    private static final List<String> TEXTS = List.of(
            "Đội tuyển bóng đá thắng trận đấu vòng loại nhờ bàn thắng của tiền đạo.",
            "Ngân hàng giảm lãi suất, doanh nghiệp xuất khẩu hưởng lợi.",
            "Bệnh viện tăng cường tiêm chủng vắc xin cho bệnh nhân.",
            "Bác sĩ đội tuyển kiểm tra sức khỏe cầu thủ trước trận đấu.",
            "xyzzy plugh",
            "");
    private static final Map<ModelType, TrainingResult> TRAINED = new EnumMap<>(ModelType.class);

    @BeforeAll
    static void trainOneModelOfEachType() {
        for (ModelType type : ModelType.values()) {
            TRAINED.put(type, train(SyntheticCorpus.config(type), DOCS, TAXONOMY));
        }
    }

    private static TrainingResult train(TrainingConfig config, List<Document> docs, Taxonomy taxonomy) {
        return new ClassifierTrainer(config, ProgressListener.SILENT).train(docs, taxonomy);
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        TrainingResult again = train(SyntheticCorpus.config(ModelType.ENSEMBLE), DOCS, TAXONOMY);
        Classifier first = TRAINED.get(ModelType.ENSEMBLE).classifier();
        Classifier second = again.classifier();
        assertEquals(first.neuralWeight(), second.neuralWeight());
        assertEquals(first.features().dimension(), second.features().dimension());
        for (ModelType modelType : ModelType.values()) {
            assertArrayEquals(first.thresholds(modelType), second.thresholds(modelType), modelType.id());
            assertArrayEquals(first.scores(vectors(first), modelType), second.scores(vectors(second), modelType), modelType.id());
        }
        for (ModelType modelType : ModelType.values()) {
            assertEquals(TRAINED.get(ModelType.ENSEMBLE).crossValidation().get(modelType).microF1(), again.crossValidation().get(modelType).microF1());
        }
    }

    @ParameterizedTest
    @EnumSource(ModelType.class)
    void everyScoreOfEveryViewIsAProbability(ModelType type) {
        Classifier classifier = TRAINED.get(type).classifier();
        for (ModelType modelType : classifier.modelTypes()) {
            float[][] scores = classifier.scores(vectors(classifier), modelType);
            assertEquals(TEXTS.size(), scores.length);
            for (float[] row : scores) {
                assertEquals(3, row.length);
                for (float s : row) {
                    assertTrue(s >= 0 && s <= 1, () -> modelType + " score " + s + " is not in [0, 1]");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ModelType.class)
    void eachTypeHasExactlyTheModelsAndViewsItNeeds(ModelType type) {
        Classifier classifier = TRAINED.get(type).classifier();
        assertEquals(type, classifier.type());
        assertEquals(type.usesNeural(), classifier.neural() != null);
        assertEquals(type.usesLinear(), classifier.linear() != null);
        Set<ModelType> modelTypes = type == ModelType.ENSEMBLE ? Set.of(ModelType.values()) : Set.of(type);
        assertEquals(modelTypes, classifier.modelTypes());
        assertEquals(modelTypes, TRAINED.get(type).crossValidation().keySet());
        if (type == ModelType.ENSEMBLE) {
            assertTrue(classifier.neuralWeight() >= 0 && classifier.neuralWeight() <= 1);
        } else {
            assertEquals(type == ModelType.NEURAL ? 1.0 : 0.0, classifier.neuralWeight());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelType.class, names = {"NEURAL", "LINEAR"})
    void aSingleModelClassifierHasNoOtherView(ModelType type) {
        Classifier classifier = TRAINED.get(type).classifier();
        ModelType other = type == ModelType.NEURAL ? ModelType.LINEAR : ModelType.NEURAL;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> classifier.scores(vectors(classifier), other));
        assertTrue(e.getMessage().startsWith("this " + type.id() + " classifier has no " + other.id() + " model"), e.getMessage());
    }

    @Test
    void thresholdsStayWithinTheClampedRange() {
        for (TrainingResult result : TRAINED.values()) {
            for (ModelType modelType : result.classifier().modelTypes()) {
                for (float t : result.classifier().thresholds(modelType)) {
                    assertTrue(t >= 0.05f && t <= 0.95f, () -> "threshold " + t);
                }
            }
        }
    }

    @Test
    void theEnsembleLearnsTheSyntheticTopics() {
        TrainingResult result = TRAINED.get(ModelType.ENSEMBLE);
        assertTrue(result.crossValidation().get(ModelType.ENSEMBLE).microF1() > 0.8,
                () -> "cross-validated micro-F1 " + result.crossValidation().get(ModelType.ENSEMBLE).microF1());
        Classifier classifier = result.classifier();
        assertEquals(SyntheticCorpus.SPORT, classifier.predict(null, TEXTS.get(0)).labels().get(0).id());
        assertEquals(SyntheticCorpus.ECONOMY, classifier.predict(null, TEXTS.get(1)).labels().get(0).id());
        assertEquals(SyntheticCorpus.HEALTH, classifier.predict("Y tế", TEXTS.get(2)).labels().get(0).id());
    }

    @Test
    void aPredictionListsThePassingLabelsBestFirstAndEveryScoreInTaxonomyOrder() {
        Classifier classifier = TRAINED.get(ModelType.LINEAR).classifier();
        for (String text : TEXTS) {
            Prediction p = classifier.predict(null, text);
            assertArrayEquals(classifier.scores(List.of(classifier.features().extract(null, text)))[0], p.scores());
            float[] thresholds = classifier.thresholds();
            List<String> passing = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                if (p.scores()[l] >= thresholds[l]) {
                    passing.add(TAXONOMY.get(l).id());
                }
            }
            assertEquals(Set.copyOf(passing), Set.copyOf(p.labels().stream().map(Prediction.LabelScore::id).toList()));
            for (int i = 1; i < p.labels().size(); i++) {
                assertTrue(p.labels().get(i - 1).score() >= p.labels().get(i).score());
            }
            p.labels().forEach(l -> assertEquals(TAXONOMY.find(l.id()).orElseThrow().name(), l.name()));
        }
    }

    @Test
    void anUnknownLabelInADocumentIsRefusedNamingTheLabelAndTheDocument() {
        List<Document> docs = new ArrayList<>(DOCS);
        docs.set(7, DOCS.get(7).withLabels(List.of(SyntheticCorpus.SPORT, "bong-ro")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(SyntheticCorpus.config(ModelType.LINEAR), docs, TAXONOMY));
        assertEquals("synthetic:8: label 'bong-ro' is not in the taxonomy (known: the-thao, kinh-te, y-te)", e.getMessage());
    }

    @Test
    void aLabelWithTooFewExamplesIsRefusedNamingTheLabel() {
        List<Label> labels = new ArrayList<>(TAXONOMY.labels());
        labels.add(new Label("phap-luat", "Pháp luật", "theme", ""));
        List<Document> docs = new ArrayList<>(DOCS);
        docs.set(0, DOCS.get(0).withLabels(List.of(SyntheticCorpus.SPORT, "phap-luat")));
        docs.set(3, DOCS.get(3).withLabels(List.of("phap-luat")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(SyntheticCorpus.config(ModelType.LINEAR), docs, new Taxonomy(labels)));
        assertTrue(e.getMessage().startsWith("label 'phap-luat' has 2 example(s) in the training corpus; at least 3 are needed"), e.getMessage());

        IllegalArgumentException strict = assertThrows(IllegalArgumentException.class,
                () -> train(SyntheticCorpus.config(ModelType.LINEAR).withMinExamples(17), DOCS, TAXONOMY));
        assertTrue(strict.getMessage().contains("label '" + SyntheticCorpus.HEALTH + "' has 16 example(s)"), strict.getMessage());
        assertTrue(strict.getMessage().contains("at least 17 are needed"), strict.getMessage());
    }

    @Test
    void anEmptyCorpusIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(SyntheticCorpus.config(ModelType.LINEAR), List.of(), TAXONOMY));
        assertEquals("the training corpus is empty", e.getMessage());
    }

    @Test
    void fewerDocumentsThanFoldsAreRefused() {
        List<Document> two = List.of(new Document("a", null, "bóng đá", List.of("x")), new Document("b", null, "lãi suất", List.of("x")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(SyntheticCorpus.config(ModelType.LINEAR).withMinExamples(1), two, Taxonomy.ofIds(List.of("x"))));
        assertEquals("the training corpus has 2 documents, fewer than the 3 cross-validation folds", e.getMessage());
    }

    @Test
    void progressIsReported() {
        List<String> stages = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        new ClassifierTrainer(SyntheticCorpus.config(ModelType.LINEAR), new ProgressListener() {
            @Override
            public synchronized void step(String stage, int done, int total) {
                stages.add(stage + " " + done + "/" + total);
            }

            @Override
            public synchronized void message(String text) {
                messages.add(text);
            }
        }).train(DOCS, TAXONOMY);
        assertTrue(stages.contains("documents read 48/48"), stages::toString);
        assertTrue(stages.contains("folds 3/3"), stages::toString);
        assertTrue(messages.contains("final model on all 48 documents"), messages::toString);
    }

    @Test
    void theSyntheticCorpusIsReproducible() {
        assertEquals(DOCS, SyntheticCorpus.documents(48, 1));
        assertFalse(DOCS.equals(SyntheticCorpus.documents(48, 2)));
        assertNull(DOCS.get(1).title());
        assertNotNull(DOCS.get(0).title());
        int[] counts = new int[3];
        DOCS.forEach(d -> d.labels().forEach(l -> counts[TAXONOMY.indexOf(l)]++));
        assertArrayEquals(new int[] {20, 20, 16}, counts);
    }

    private static List<SparseVector> vectors(Classifier classifier) {
        return TEXTS.stream().map(t -> classifier.features().extract(null, t)).toList();
    }
}
