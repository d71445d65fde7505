package vn.nhan.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import vn.nhan.data.Label;
import vn.nhan.data.Taxonomy;
import vn.nhan.features.ArticleFeatures;
import vn.nhan.features.FeatureExtractor;
import vn.nhan.features.SparseVector;

/**
 * A trained multi-label classifier: the feature extractor, the neural and/or linear model, their
 * calibrations, the ensemble weight and the per-label thresholds. Immutable and thread-safe:
 * one instance serves any number of threads.
 */
public final class Classifier {
    private final Taxonomy taxonomy;
    private final FeatureExtractor features;
    private final ModelType type;
    private final EmbeddingBagModel neural;
    private final LinearModel linear;
    private final double neuralWeight;
    private final Map<ModelType, ScoreCalibration> calibrations;
    private final PassageBlend passages;
    /** For an ensemble: both models' weights side by side, read once per feature. */
    private final PairedWeights paired;

    /** A classifier that scores whole articles only (no passage blend). */
    public Classifier(Taxonomy taxonomy, FeatureExtractor features, ModelType type, EmbeddingBagModel neural,
                      LinearModel linear, double neuralWeight, Map<ModelType, ScoreCalibration> calibrations) {
        this(taxonomy, features, type, neural, linear, neuralWeight, calibrations, PassageBlend.none(calibrations));
    }

    public Classifier(Taxonomy taxonomy, FeatureExtractor features, ModelType type, EmbeddingBagModel neural,
                      LinearModel linear, double neuralWeight, Map<ModelType, ScoreCalibration> calibrations, PassageBlend passages) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy must not be null");
        this.features = Objects.requireNonNull(features, "features must not be null");
        this.type = Objects.requireNonNull(type, "type must not be null");
        this.neural = neural;
        this.linear = linear;
        this.neuralWeight = neuralWeight;
        this.calibrations = new EnumMap<>(calibrations);
        if (type.usesNeural() && neural == null || type.usesLinear() && linear == null) {
            throw new IllegalArgumentException("a " + type.id() + " classifier needs " + (neural == null ? "a neural" : "a linear") + " model");
        }
        if (!this.calibrations.containsKey(type)) {
            throw new IllegalArgumentException("no calibration for the " + type.id() + " model");
        }
        for (ScoreCalibration c : this.calibrations.values()) {
            if (c.labelCount() != taxonomy.size()) {
                throw new IllegalArgumentException("calibration has " + c.labelCount() + " labels, taxonomy has " + taxonomy.size());
            }
        }
        this.passages = Objects.requireNonNull(passages, "passages must not be null");
        this.paired = type == ModelType.ENSEMBLE ? new PairedWeights(neural.weights(), linear.weights()) : null;
        for (ModelType modelType : this.calibrations.keySet()) {
            float[] t = passages.thresholds().get(modelType);
            if (t == null || t.length != taxonomy.size()) {
                throw new IllegalArgumentException("passage thresholds of the " + modelType.id() + " model: expected " + taxonomy.size()
                        + " values, got " + (t == null ? "none" : t.length));
            }
        }
    }

    /** How passage scores join the whole-article score. */
    public PassageBlend passages() {
        return passages;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public FeatureExtractor features() {
        return features;
    }

    public ModelType type() {
        return type;
    }

    public EmbeddingBagModel neural() {
        return neural;
    }

    public LinearModel linear() {
        return linear;
    }

    public double neuralWeight() {
        return neuralWeight;
    }

    public Map<ModelType, ScoreCalibration> calibrations() {
        return calibrations;
    }

    /** The model types this classifier can score with: its own type and, for an ensemble, each part. */
    public Set<ModelType> modelTypes() {
        return calibrations.keySet();
    }

    /** The per-label thresholds of the article scores (whole article and passages blended). */
    public float[] thresholds() {
        return thresholds(type);
    }

    public float[] thresholds(ModelType modelType) {
        calibration(modelType);
        return passages.thresholds().get(modelType).clone();
    }

    /** The per-label thresholds of whole-article scores alone (no passages). */
    public float[] wholeArticleThresholds(ModelType modelType) {
        return calibration(modelType).thresholds().clone();
    }

    /** Predicts one article with the classifier's own model type and thresholds, passages included. */
    public Prediction predict(String title, String text) {
        return toPrediction(score(features.extractArticle(title, text, false), type).blended(), thresholds());
    }

    /** The calibrated scores of one article by one model type: whole, per passage, and blended. */
    public ArticleScores score(ArticleFeatures article, ModelType modelType) {
        float[][] all = calibrated(article, modelType);
        float[][] perPassage = java.util.Arrays.copyOfRange(all, 1, all.length);
        return new ArticleScores(all[0], perPassage, passages.blend(all[0], perPassage));
    }

    /** Calibrated scores of {@code modelType}: row 0 the whole article, then each passage. */
    private float[][] calibrated(ArticleFeatures article, ModelType modelType) {
        ScoreCalibration calibration = calibration(modelType);
        return switch (modelType) {
            case NEURAL -> calibration.apply(neural.scoreArticle(article));
            case LINEAR -> calibration.apply(linear.scoreArticle(article));
            case ENSEMBLE -> {
                float[][][] both = paired != null ? paired.scoreArticle(article)
                        : new float[][][] {neural.scoreArticle(article), linear.scoreArticle(article)};
                yield calibration.apply(combine(calibration(ModelType.NEURAL).apply(both[0]),
                        calibration(ModelType.LINEAR).apply(both[1]), neuralWeight));
            }
        };
    }

    /**
     * The article scores of many articles on all cores, in order: blended with passages, or of the
     * whole articles alone ({@code withPassages} false, for comparison).
     */
    public float[][] scoreArticles(List<ArticleFeatures> articles, ModelType modelType, boolean withPassages) {
        float[][] out = new float[articles.size()][];
        IntStream.range(0, articles.size()).parallel().forEach(i -> {
            ArticleFeatures a = articles.get(i);
            out[i] = withPassages ? score(a, modelType).blended() : score(a, modelType).whole();
        });
        return out;
    }

    /** Calibrated probabilities of the classifier's own model type, one row per feature vector. */
    public float[][] scores(List<SparseVector> rows) {
        return scores(rows, type);
    }

    /**
     * Calibrated probabilities of one model type for bare feature vectors, one row each (whole-article
     * scores without passages; articles are scored through {@link #score}).
     */
    public float[][] scores(List<SparseVector> rows, ModelType modelType) {
        ScoreCalibration calibration = calibration(modelType);
        return calibration.apply(rawScores(rows, modelType));
    }

    float[][] rawScores(List<SparseVector> rows, ModelType modelType) {
        return switch (modelType) {
            case NEURAL -> neural.scores(rows);
            case LINEAR -> linear.scores(rows);
            case ENSEMBLE -> combine(calibration(ModelType.NEURAL).apply(neural.scores(rows)),
                    calibration(ModelType.LINEAR).apply(linear.scores(rows)), neuralWeight);
        };
    }

    static float[][] combine(float[][] neural, float[][] linear, double neuralWeight) {
        float[][] out = new float[neural.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[neural[i].length];
            for (int l = 0; l < out[i].length; l++) {
                out[i][l] = (float) (neuralWeight * neural[i][l] + (1 - neuralWeight) * linear[i][l]);
            }
        }
        return out;
    }

    private ScoreCalibration calibration(ModelType modelType) {
        ScoreCalibration c = calibrations.get(modelType);
        if (c == null) {
            throw new IllegalArgumentException("this " + type.id() + " classifier has no " + modelType.id() + " model (has: " + modelTypes() + ")");
        }
        return c;
    }

    /** How much each feature of {@code x} adds to the logit of {@code label}, combining the parts of an ensemble. */
    float[] contributions(SparseVector x, int label) {
        return switch (type) {
            case NEURAL -> neural.contributions(x, label);
            case LINEAR -> linear.contributions(x, label);
            case ENSEMBLE -> {
                float[] n = neural.contributions(x, label);
                float[] l = linear.contributions(x, label);
                double wn = neuralWeight * calibration(ModelType.NEURAL).slopes()[label];
                double wl = (1 - neuralWeight) * calibration(ModelType.LINEAR).slopes()[label];
                float[] c = new float[n.length];
                for (int i = 0; i < c.length; i++) {
                    c[i] = (float) (wn * n[i] + wl * l[i]);
                }
                yield c;
            }
        };
    }

    /** The prediction for calibrated {@code scores}: labels at or above their threshold, best first. */
    public Prediction toPrediction(float[] scores, float[] thresholds) {
        List<Prediction.LabelScore> passed = new ArrayList<>();
        for (int l = 0; l < scores.length; l++) {
            if (scores[l] >= thresholds[l]) {
                Label label = taxonomy.get(l);
                passed.add(new Prediction.LabelScore(label.id(), label.name(), scores[l]));
            }
        }
        passed.sort(Comparator.comparingDouble(Prediction.LabelScore::score).reversed());
        return new Prediction(List.copyOf(passed), scores);
    }
}
