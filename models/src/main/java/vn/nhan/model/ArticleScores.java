package vn.nhan.model;

/**
 * The calibrated scores of one article by one model type: of the whole article, of each passage, and
 * their blend (the article's scores, which the thresholds apply to).
 */
public record ArticleScores(float[] whole, float[][] passages, float[] blended) {
}
