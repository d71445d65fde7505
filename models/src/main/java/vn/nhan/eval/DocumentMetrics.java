package vn.nhan.eval;

/**
 * The metrics that are averaged over documents: samples F1, hamming loss, subset accuracy and
 * precision@1. See {@link MultiLabelEvaluation} for their exact definitions.
 */
record DocumentMetrics(double samplesF1, double hammingLoss, double subsetAccuracy,
                       double precisionAt1) {

    static DocumentMetrics of(boolean[][] gold, boolean[][] predicted, float[][] scores) {
        int nDocs = gold.length;
        int nLabels = gold[0].length;
        double f1Sum = 0;
        long wrongCells = 0;
        int exact = 0;
        int labelled = 0;
        int topIsGold = 0;
        for (int doc = 0; doc < nDocs; doc++) {
            Counts counts = documentCounts(gold[doc], predicted[doc]);
            long wrong = counts.falsePositives() + counts.falseNegatives();
            f1Sum += documentF1(counts);
            wrongCells += wrong;
            exact += wrong == 0 ? 1 : 0;
            if (counts.support() > 0) {
                labelled++;
                topIsGold += gold[doc][argMax(scores[doc])] ? 1 : 0;
            }
        }
        return new DocumentMetrics(f1Sum / nDocs, (double) wrongCells / ((long) nDocs * nLabels),
                (double) exact / nDocs, Counts.ratio(topIsGold, labelled));
    }

    /** F1 of one document; 1 when it has neither gold nor predicted labels. */
    private static double documentF1(Counts counts) {
        boolean nothingToFind = counts.support() == 0 && counts.predicted() == 0;
        return nothingToFind ? 1.0 : counts.f1();
    }

    private static Counts documentCounts(boolean[] gold, boolean[] predicted) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int label = 0; label < gold.length; label++) {
            if (gold[label] && predicted[label]) {
                tp++;
            } else if (predicted[label]) {
                fp++;
            } else if (gold[label]) {
                fn++;
            }
        }
        return new Counts(tp, fp, fn);
    }

    /** Index of the highest score, the first one on ties. */
    private static int argMax(float[] row) {
        int best = 0;
        for (int label = 1; label < row.length; label++) {
            if (row[label] > row[best]) {
                best = label;
            }
        }
        return best;
    }
}
