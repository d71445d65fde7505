package vn.nhan.model;

import java.io.Serializable;

/**
 * One labelled article scored with every model type of a classifier (in {@link ClassifierEvaluator}'s
 * order of model types): what its evaluation needs, without its features. Small and serializable, so
 * that a batch job can score articles where they are and evaluate them in one place.
 *
 * @param gold    the article's labels, in taxonomy order
 * @param words   words of its title and text ({@link ClassifierEvaluator#words})
 * @param blended per model type, the article scores (passages blended in)
 * @param whole   per model type, the whole-article scores alone
 */
public record ScoredArticle(boolean[] gold, int words, float[][] blended, float[][] whole) implements Serializable {
}
