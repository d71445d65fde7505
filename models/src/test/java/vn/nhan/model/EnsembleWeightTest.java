package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The neural share of the ensemble chosen on out-of-fold scores ({@link ClassifierTrainer#chooseEnsembleAndPassageWeights}). */
class EnsembleWeightTest {
    private static final int DOCS = 90;
    private static final int LABELS = 3;

    private static boolean[][] gold() {
        boolean[][] gold = new boolean[DOCS][LABELS];
        for (int i = 0; i < DOCS; i++) {
            gold[i][i % LABELS] = true;
        }
        return gold;
    }

    /** Scores that rank every document's own label first (with some spread). */
    private static float[][] informative(boolean[][] gold, long seed) {
        Random random = new Random(seed);
        float[][] s = new float[DOCS][LABELS];
        for (int i = 0; i < DOCS; i++) {
            for (int l = 0; l < LABELS; l++) {
                s[i][l] = gold[i][l] ? 0.6f + 0.35f * random.nextFloat() : 0.05f + 0.35f * random.nextFloat();
            }
        }
        return s;
    }

    private static float[][] noise(long seed) {
        Random random = new Random(seed);
        float[][] s = new float[DOCS][LABELS];
        for (float[] row : s) {
            for (int l = 0; l < LABELS; l++) {
                row[l] = 0.02f + 0.96f * random.nextFloat();
            }
        }
        return s;
    }

    private static ClassifierTrainer.Blend choose(float[][] neural, float[][] linear, boolean[][] gold) {
        Map<ModelType, ScoreCalibration> parts = new EnumMap<>(ModelType.class);
        parts.put(ModelType.NEURAL, ClassifierTrainer.calibrate(neural, gold));
        parts.put(ModelType.LINEAR, ClassifierTrainer.calibrate(linear, gold));
        float[][][] noPassages = new float[DOCS][0][];
        return ClassifierTrainer.chooseEnsembleAndPassageWeights(neural, linear, noPassages, noPassages, parts, gold);
    }

    private static double microF1(ClassifierTrainer.Blend blend, boolean[][] gold) {
        float[][] blended = blend.oof().blended(ModelType.ENSEMBLE, blend.passageWeight());
        return vn.nhan.eval.MultiLabelEvaluator.microF1(gold,
                vn.nhan.eval.MultiLabelEvaluator.predict(blended, ClassifierTrainer.bestThresholds(blended, gold)));
    }

    @Test
    void anInformativeNeuralModelBesideANoisyLinearOneGetsTheLargerShare() {
        boolean[][] gold = gold();
        ClassifierTrainer.Blend blend = choose(informative(gold, 1), noise(2), gold);
        assertTrue(blend.neuralWeight() >= 0.5, "neural weight " + blend.neuralWeight());
        assertEquals(1.0, microF1(blend, gold), 1e-9);
    }

    @Test
    void anInformativeLinearModelBesideANoisyNeuralOneGetsTheLargerShare() {
        boolean[][] gold = gold();
        ClassifierTrainer.Blend blend = choose(noise(3), informative(gold, 4), gold);
        assertTrue(blend.neuralWeight() <= 0.5, "neural weight " + blend.neuralWeight());
        assertEquals(1.0, microF1(blend, gold), 1e-9);
    }

    @Test
    void twoEquallyGoodModelsShareEqually() {
        boolean[][] gold = gold();
        float[][] scores = informative(gold, 5);
        ClassifierTrainer.Blend blend = choose(scores, scores, gold);
        assertEquals(0.5, blend.neuralWeight(), 1e-9);
        assertEquals(0.0, blend.passageWeight(), 1e-9);
    }
}
