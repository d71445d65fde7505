package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stratified, seeded fold assignment and cross-validation sampling. */
class FoldAssignmentTest {

    /** 60 rows, 3 labels: label 0 on 40 rows, label 1 on 17, label 2 (rare) on 3; some rows have two labels. */
    private static boolean[][] gold() {
        Random random = new Random(5);
        boolean[][] gold = new boolean[60][3];
        for (int i = 0; i < 60; i++) {
            gold[i][0] = i < 40;
            gold[i][1] = i >= 40 && i < 57 || i % 10 == 3;
            gold[i][2] = i >= 57;
        }
        // shuffle the rows so that order in the input says nothing
        for (int i = gold.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean[] t = gold[i];
            gold[i] = gold[j];
            gold[j] = t;
        }
        return gold;
    }

    @Test
    void everyLabelIsInEveryFoldWhenItHasAsManyExamplesAsFolds() {
        boolean[][] gold = gold();
        int[] fold = FoldAssignment.assign(gold, 3, 42);
        for (int l = 0; l < 3; l++) {
            int[] perFold = new int[3];
            for (int i = 0; i < gold.length; i++) {
                perFold[fold[i]] += gold[i][l] ? 1 : 0;
            }
            int min = Arrays.stream(perFold).min().orElseThrow();
            int max = Arrays.stream(perFold).max().orElseThrow();
            assertTrue(min >= 1, "label " + l + " missing from a fold: " + Arrays.toString(perFold));
            // the rarest label is dealt first, so exactly evenly; the others as their rows come in the order
            assertTrue(max - min <= (l == 2 ? 0 : 2), "label " + l + " unevenly spread: " + Arrays.toString(perFold));
        }
    }

    @Test
    void foldsHaveEqualSizesToWithinOne() {
        int[] fold = FoldAssignment.assign(gold(), 7, 1);
        int[] sizes = new int[7];
        for (int f : fold) {
            sizes[f]++;
        }
        assertTrue(Arrays.stream(sizes).max().orElseThrow() - Arrays.stream(sizes).min().orElseThrow() <= 1, Arrays.toString(sizes));
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOtherFolds() {
        boolean[][] gold = gold();
        assertArrayEquals(FoldAssignment.assign(gold, 5, 42), FoldAssignment.assign(gold, 5, 42));
        assertFalse(Arrays.equals(FoldAssignment.assign(gold, 5, 42), FoldAssignment.assign(gold, 5, 43)));
    }

    @Test
    void aSampleIsStratifiedAscendingDistinctAndSeeded() {
        boolean[][] gold = gold();
        int[] sample = FoldAssignment.sample(gold, 30, 42);
        assertEquals(30, sample.length);
        for (int i = 1; i < sample.length; i++) {
            assertTrue(sample[i] > sample[i - 1], "not ascending and distinct: " + Arrays.toString(sample));
        }
        int[] counts = new int[3];
        for (int i : sample) {
            for (int l = 0; l < 3; l++) {
                counts[l] += gold[i][l] ? 1 : 0;
            }
        }
        assertEquals(20, counts[0], 1); // half of the 40
        assertTrue(counts[2] >= 1, "the rare label must be sampled: " + Arrays.toString(counts));
        assertArrayEquals(sample, FoldAssignment.sample(gold, 30, 42));
    }

    @Test
    void aSampleAsLargeAsTheCorpusIsEveryRow() {
        boolean[][] gold = gold();
        int[] all = java.util.stream.IntStream.range(0, gold.length).toArray();
        assertArrayEquals(all, FoldAssignment.sample(gold, gold.length, 1));
        assertArrayEquals(all, FoldAssignment.sample(gold, 1_000, 1));
    }
}
