package vn.nhan.model;

import java.util.Random;

/** Seeded Fisher-Yates shuffles of index arrays. */
final class Shuffling {
    private Shuffling() {
    }

    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
