package vn.nhan.eval;

/**
 * True positive, false positive and false negative counts, with the ratios derived from them
 * under the {@code zero_division=0} convention.
 */
record Counts(long truePositives, long falsePositives, long falseNegatives) {

    /** Counts for label column {@code label}. */
    static Counts ofLabel(boolean[][] gold, boolean[][] predicted, int label) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int doc = 0; doc < gold.length; doc++) {
            boolean g = gold[doc][label];
            boolean p = predicted[doc][label];
            if (g && p) {
                tp++;
            } else if (p) {
                fp++;
            } else if (g) {
                fn++;
            }
        }
        return new Counts(tp, fp, fn);
    }

    /** Counts pooled over every cell of the two (equally shaped) matrices. */
    static Counts pooled(boolean[][] gold, boolean[][] predicted) {
        Counts total = new Counts(0, 0, 0);
        int nLabels = gold.length == 0 ? 0 : gold[0].length;
        for (int label = 0; label < nLabels; label++) {
            total = total.plus(ofLabel(gold, predicted, label));
        }
        return total;
    }

    Counts plus(Counts other) {
        return new Counts(truePositives + other.truePositives,
                falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    long support() {
        return truePositives + falseNegatives;
    }

    long predicted() {
        return truePositives + falsePositives;
    }

    double precision() {
        return ratio(truePositives, predicted());
    }

    double recall() {
        return ratio(truePositives, support());
    }

    double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
