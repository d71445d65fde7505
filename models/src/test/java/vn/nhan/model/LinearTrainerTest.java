package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.nhan.features.SparseVector;

/** Both solvers of the linear model on a linearly separable toy problem. */
class LinearTrainerTest {
    private static final int DIMENSION = 40;

    /**
     * Rows of 3 labels: label {@code l} is on exactly when feature {@code l} is present (features 0-2
     * are each present on about half the rows), the other 37 features are noise.
     */
    private static List<SparseVector> rows(int n, long seed, boolean[][] gold) {
        Random random = new Random(seed);
        List<SparseVector> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> ids = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                gold[i][l] = random.nextBoolean();
                if (gold[i][l]) {
                    ids.add(l);
                }
            }
            for (int k = 0; k < 4; k++) {
                int noise = 3 + random.nextInt(DIMENSION - 3);
                if (!ids.contains(noise)) {
                    ids.add(noise);
                }
            }
            float value = (float) (1 / Math.sqrt(ids.size()));
            float[] values = new float[ids.size()];
            java.util.Arrays.fill(values, value);
            rows.add(new SparseVector(ids.stream().mapToInt(Integer::intValue).toArray(), values));
        }
        return rows;
    }

    private static LinearModel train(LinearConfig.Solver solver, List<SparseVector> rows, boolean[][] gold) {
        LinearConfig config = LinearConfig.defaults().withLambda(0.01).withSolver(solver).withSgd(1.0, 20_000);
        return new LinearTrainer(config, 7).fit(rows, gold, DIMENSION, ProgressListener.SILENT);
    }

    @ParameterizedTest
    @EnumSource(value = LinearConfig.Solver.class, names = {"LBFGS", "SGD"})
    void learnsASeparableProblemAndGeneralises(LinearConfig.Solver solver) {
        boolean[][] gold = new boolean[200][3];
        List<SparseVector> rows = rows(200, 1, gold);
        LinearModel model = train(solver, rows, gold);
        boolean[][] testGold = new boolean[100][3];
        List<SparseVector> test = rows(100, 2, testGold);
        for (int i = 0; i < test.size(); i++) {
            float[] scores = model.score(test.get(i));
            for (int l = 0; l < 3; l++) {
                assertEquals(testGold[i][l], scores[l] > 0.5f, solver + ": test row " + i + ", label " + l + " scored " + scores[l]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = LinearConfig.Solver.class, names = {"LBFGS", "SGD"})
    void theSameSeedGivesTheSameModel(LinearConfig.Solver solver) {
        boolean[][] gold = new boolean[120][3];
        List<SparseVector> rows = rows(120, 3, gold);
        LinearModel a = train(solver, rows, gold);
        LinearModel b = train(solver, rows, gold);
        for (SparseVector row : rows) {
            assertArrayEquals(a.score(row), b.score(row));
        }
    }

    @ParameterizedTest
    @EnumSource(value = LinearConfig.Solver.class, names = {"LBFGS", "SGD"})
    void aLabelWithNoPositiveGetsItsSmoothedPrior(LinearConfig.Solver solver) {
        boolean[][] gold = new boolean[50][3];
        List<SparseVector> rows = rows(50, 4, gold);
        for (boolean[] row : gold) {
            row[2] = false;
        }
        LinearModel model = train(solver, rows, gold);
        float prior = (float) (0.5 / 51.0);
        for (SparseVector row : rows) {
            assertEquals(prior, model.score(row)[2], 1e-6f);
            assertTrue(model.score(row)[0] != prior);
        }
    }
}
