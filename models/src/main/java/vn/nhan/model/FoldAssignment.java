package vn.nhan.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Splits documents into k folds, seeded. Documents are dealt round-robin in order of their rarest
 * label (then at random), so every label is spread over the folds as evenly as it can be.
 */
final class FoldAssignment {
    private FoldAssignment() {
    }

    static int[] assign(boolean[][] gold, int folds, long seed) {
        List<Integer> order = stratifiedOrder(gold, seed);
        int[] fold = new int[gold.length];
        for (int r = 0; r < order.size(); r++) {
            fold[order.get(r)] = r % folds;
        }
        return fold;
    }

    /** A stratified sample of {@code size} row indices (all rows when there are fewer), ascending. */
    static int[] sample(boolean[][] gold, int size, long seed) {
        if (gold.length <= size) {
            return java.util.stream.IntStream.range(0, gold.length).toArray();
        }
        List<Integer> order = stratifiedOrder(gold, seed);
        int[] picked = new int[size];
        for (int i = 0; i < size; i++) {
            picked[i] = order.get((int) ((long) i * gold.length / size));
        }
        java.util.Arrays.sort(picked);
        return picked;
    }

    /** Row indices ordered by their rarest label, ties broken at random. */
    private static List<Integer> stratifiedOrder(boolean[][] gold, long seed) {
        int n = gold.length;
        int labels = n == 0 ? 0 : gold[0].length;
        int[] frequency = new int[labels];
        for (boolean[] row : gold) {
            for (int l = 0; l < labels; l++) {
                frequency[l] += row[l] ? 1 : 0;
            }
        }
        Random random = new Random(seed);
        List<int[]> keyed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int rarest = Integer.MAX_VALUE;
            for (int l = 0; l < labels; l++) {
                if (gold[i][l]) {
                    rarest = Math.min(rarest, frequency[l]);
                }
            }
            keyed.add(new int[] {i, rarest, random.nextInt()});
        }
        keyed.sort(Comparator.<int[]>comparingInt(k -> k[1]).thenComparingInt(k -> k[2]));
        List<Integer> order = new ArrayList<>(n);
        keyed.forEach(k -> order.add(k[0]));
        return order;
    }
}
