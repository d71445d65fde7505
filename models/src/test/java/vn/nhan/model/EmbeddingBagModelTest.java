package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import vn.nhan.features.SparseVector;

class EmbeddingBagModelTest {
    private static final int DIM = 8;
    private static final int ROWS = 50;
    private static final int LABELS = 4;

    private static float[] randomTable(Random random) {
        float[] table = new float[ROWS * DIM];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) random.nextGaussian();
        }
        return table;
    }

    private static MultiLayerNetwork headWithRandomBias(Random random) {
        MultiLayerNetwork head = EmbeddingBagTrainer.newHead(DIM, LABELS, 7, 0.01);
        float[] b = new float[LABELS];
        for (int l = 0; l < LABELS; l++) {
            b[l] = (float) random.nextGaussian();
        }
        head.getLayer(0).setParam("b", Nd4j.create(b, new long[] {1, LABELS}, 'c'));
        return head;
    }

    /** The network's own answer: the bag fed through DL4J. */
    private static float[] networkOutput(float[] table, MultiLayerNetwork head, SparseVector x) {
        float[] bag = new float[DIM];
        EmbeddingBagModel.bag(table, DIM, x, bag, 0);
        return head.output(Nd4j.create(bag, new long[] {1, DIM}, 'c')).castTo(DataType.FLOAT).dup().data().asFloat();
    }

    @Test
    void foldedScoresEqualTheNetworksOutput() {
        Random random = new Random(3);
        float[] table = randomTable(random);
        MultiLayerNetwork head = headWithRandomBias(random);
        EmbeddingBagModel model = new EmbeddingBagModel(DIM, table, EmbeddingBagTrainer.headOf(head));
        assertEquals(LABELS, model.labelCount());
        for (int doc = 0; doc < 20; doc++) {
            int[] ids = random.ints(0, ROWS).distinct().limit(1 + random.nextInt(12)).sorted().toArray();
            float[] values = new float[ids.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextFloat();
            }
            SparseVector x = new SparseVector(ids, values);
            assertArrayEquals(networkOutput(table, head, x), model.score(x), 1e-5f, "document " + doc);
            assertArrayEquals(model.score(x), model.scores(List.of(x))[0], 0f);
        }
    }

    @Test
    void featuresBeyondTheTableAddNothing() {
        Random random = new Random(5);
        EmbeddingBagModel model = new EmbeddingBagModel(DIM, randomTable(random), EmbeddingBagTrainer.headOf(headWithRandomBias(random)));
        SparseVector inside = new SparseVector(new int[] {3, 9}, new float[] {0.6f, 0.8f});
        SparseVector withRare = new SparseVector(new int[] {3, 9, ROWS, ROWS + 40}, new float[] {0.6f, 0.8f, 0.5f, 0.5f});
        assertArrayEquals(model.score(inside), model.score(withRare), 0f);
        float[] c = model.contributions(withRare, 1);
        assertEquals(0f, c[2]);
        assertEquals(0f, c[3]);
    }

    @Test
    void contributionsAddUpToTheLogitAboveTheEmptyDocument() {
        Random random = new Random(11);
        EmbeddingBagModel model = new EmbeddingBagModel(DIM, randomTable(random), EmbeddingBagTrainer.headOf(headWithRandomBias(random)));
        SparseVector x = new SparseVector(new int[] {1, 4, 30}, new float[] {0.2f, 0.5f, 0.9f});
        for (int label = 0; label < LABELS; label++) {
            double logit = logit(model.score(x)[label]);
            double empty = logit(model.score(SparseVector.EMPTY)[label]);
            double sum = 0;
            for (float c : model.contributions(x, label)) {
                sum += c;
            }
            assertEquals(logit - empty, sum, 1e-3, "label " + label);
        }
    }

    @Test
    void aHeadWhoseInputDoesNotMatchTheTableIsRefused() {
        Random random = new Random(13);
        MultiLayerNetwork wide = EmbeddingBagTrainer.newHead(DIM * 2, LABELS, 7, 0.01);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EmbeddingBagModel(DIM, randomTable(random), EmbeddingBagTrainer.headOf(wide)));
        assertTrue(e.getMessage().contains("takes 16 inputs"), e.getMessage());
    }

    private static double logit(float p) {
        return Math.log(p / (1 - p));
    }
}
