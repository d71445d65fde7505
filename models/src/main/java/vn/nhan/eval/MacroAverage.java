package vn.nhan.eval;

import java.util.Collection;

/**
 * Unweighted means of per-label precision, recall and F1 over the labels that occur in the gold
 * labels or the predictions; labels absent from both are left out. All 0 when no label is left.
 */
record MacroAverage(double precision, double recall, double f1) {

    static MacroAverage of(Collection<LabelEvaluation> labels) {
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        int counted = 0;
        for (LabelEvaluation label : labels) {
            if (!label.isAbsent()) {
                precision += label.precision();
                recall += label.recall();
                f1 += label.f1();
                counted++;
            }
        }
        if (counted == 0) {
            return new MacroAverage(0, 0, 0);
        }
        return new MacroAverage(precision / counted, recall / counted, f1 / counted);
    }
}
