package vn.nhan.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples a label's precision/recall trade-off at no more than {@link #MAX_POINTS} points spread
 * evenly over the recall range.
 *
 * <p>For each of {@code MAX_POINTS} recall targets between the lowest and the highest recall
 * reached, the point kept is the first cut-off (highest threshold) that reaches the target, which
 * is also the cut-off with the best precision at that recall. Duplicates are dropped, so a label
 * with few gold documents gets fewer points.
 */
final class PrecisionRecallCurve {

    /** Upper bound on the number of points of a curve. */
    static final int MAX_POINTS = 50;

    private PrecisionRecallCurve() {
    }

    /** The sampled curve, by decreasing threshold; empty when the label has no positives. */
    static List<CurvePoint> of(ScoreSweep sweep) {
        List<CurvePoint> points = new ArrayList<>();
        if (sweep.positives == 0 || sweep.size() == 0) {
            return points;
        }
        double lowest = sweep.recall(0);
        double highest = sweep.recall(sweep.size() - 1);
        int cut = 0;
        int lastAdded = -1;
        for (int k = 0; k < MAX_POINTS; k++) {
            double target = lowest + (highest - lowest) * k / (MAX_POINTS - 1);
            while (cut < sweep.size() - 1 && sweep.recall(cut) < target - 1e-12) {
                cut++;
            }
            if (cut != lastAdded) {
                points.add(new CurvePoint(sweep.scores[cut], sweep.precision(cut), sweep.recall(cut)));
                lastAdded = cut;
            }
        }
        return points;
    }
}
