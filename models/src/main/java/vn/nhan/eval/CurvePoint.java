package vn.nhan.eval;

/**
 * One point of a label's precision/recall trade-off: the precision and recall obtained when the
 * label is predicted for every document whose score is at least {@code threshold}.
 *
 * @param threshold the score cut-off (a document is predicted when its score is {@code >= threshold})
 * @param precision true positives / predicted positives at this cut-off
 * @param recall    true positives / gold positives at this cut-off
 */
public record CurvePoint(float threshold, double precision, double recall) {
}
