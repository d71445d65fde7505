package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.nhan.features.FeatureConfig;

/** Validation and the saved form of {@link TrainingConfig}, {@link NeuralConfig} and {@link LinearConfig}. */
class TrainingConfigTest {

    @Test
    void fewerThanTwoOrMoreThanTwentyFoldsAreRefused() {
        assertRefused(() -> TrainingConfig.defaults().withFolds(1), "folds must be between 2 and 20, got 1");
        assertRefused(() -> TrainingConfig.defaults().withFolds(21), "folds must be between 2 and 20, got 21");
    }

    @Test
    void fewerThanOneExamplePerLabelIsRefused() {
        assertRefused(() -> TrainingConfig.defaults().withMinExamples(0), "minExamplesPerLabel must be >= 1, got 0");
    }

    @Test
    void invalidNeuralSettingsAreRefused() {
        assertRefused(() -> new NeuralConfig(1, 2.0, 0.02, 8, 5, 2, 0.1), "dimension must be between 2 and 1024, got 1");
        assertRefused(() -> new NeuralConfig(2000, 2.0, 0.02, 8, 5, 2, 0.1), "dimension must be between 2 and 1024, got 2000");
        assertRefused(() -> new NeuralConfig(16, 0, 0.02, 8, 5, 2, 0.1), "learning rates must be > 0, got 0.0 and 0.02");
        assertRefused(() -> new NeuralConfig(16, 2.0, Double.NaN, 8, 5, 2, 0.1), "learning rates must be > 0, got 2.0 and NaN");
        assertRefused(() -> new NeuralConfig(16, 2.0, 0.02, 0, 5, 2, 0.1), "batchSize, maxEpochs and patience must be >= 1, got 0, 5, 2");
        assertRefused(() -> NeuralConfig.defaults().withMaxEpochs(0), "batchSize, maxEpochs and patience must be >= 1, got 32, 0, 1");
        assertRefused(() -> new NeuralConfig(16, 2.0, 0.02, 8, 5, 0, 0.1), "got 8, 5, 0");
        assertRefused(() -> new NeuralConfig(16, 2.0, 0.02, 8, 5, 2, 0.5), "validationFraction must be in [0, 0.5), got 0.5");
        assertRefused(() -> new NeuralConfig(16, 2.0, 0.02, 8, 5, 2, -0.1), "validationFraction must be in [0, 0.5), got -0.1");
    }

    @Test
    void invalidLinearSettingsAreRefused() {
        assertRefused(() -> new LinearConfig(-1, 1e-4, 10), "lambda must be >= 0, got -1.0");
        assertRefused(() -> new LinearConfig(0.1, 0, 10), "tolerance must be > 0, got 0.0");
        assertRefused(() -> new LinearConfig(0.1, 1e-4, 0), "maxIterations must be >= 1, got 0");
    }

    @Test
    void aConfigSurvivesAJsonRoundTrip() throws Exception {
        TrainingConfig config = TrainingConfig.defaults().withModelType(ModelType.NEURAL).withSeed(7L << 40).withFolds(4).withMinExamples(2)
                .withFeatures(FeatureConfig.defaults().withNgrams(1, 2)).withNeural(new NeuralConfig(16, 2.0, 0.02, 8, 5, 2, 0.1))
                .withLinear(new LinearConfig(0.5, 1e-3, 50));
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(config);
        assertEquals(config, json.readValue(text, TrainingConfig.class));
        Map<String, Object> read = json.readValue(text, new TypeReference<Map<String, Object>>() { });
        assertEquals("neural", read.get("model_type"));
        assertEquals(Map.of("min_words", 40, "max_words", 80), read.get("passages"));
        assertEquals("auto", ((Map<?, ?>) read.get("linear")).get("solver"));
        assertEquals(16, ((Map<?, ?>) read.get("neural")).get("dimension"));
        assertEquals(4, read.get("folds"));
        assertEquals(4_500, read.get("cross_validation_max_documents"));
    }

    @Test
    void aCorpusLargerThanTheCrossValidationSampleGetsAtMostThreeFolds() {
        TrainingConfig config = TrainingConfig.defaults().withFolds(5).withCrossValidationMaxDocuments(1_000);
        assertEquals(5, config.foldsFor(1_000));
        assertEquals(TrainingConfig.LARGE_CORPUS_FOLDS, config.foldsFor(1_001));
        assertEquals(2, config.withFolds(2).foldsFor(50_000));
    }

    @Test
    void modelTypesParseFromTheirIdsIgnoringCaseAndSpaces() {
        assertEquals(ModelType.ENSEMBLE, ModelType.parse("ensemble"));
        assertEquals(ModelType.NEURAL, ModelType.parse(" Neural "));
        assertEquals(ModelType.LINEAR, ModelType.parse("LINEAR"));
        assertRefused(() -> ModelType.parse("svm"), "model type 'svm' is not one of ensemble, neural, linear");
    }

    private static void assertRefused(Executable construction, String messagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
        assertTrue(e.getMessage().contains(messagePart), () -> "expected the message to contain '" + messagePart + "', was: " + e.getMessage());
    }
}
