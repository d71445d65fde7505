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

    public Classifier(Taxonomy taxonomy, FeatureExtractor features, ModelType type, EmbeddingBagModel neural,
                      LinearModel linear, double neuralWeight, Map<ModelType, ScoreCalibration> calibrations) {
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
            throw new IllegalArgumentException("no calibration for the " + type.id() + " view");
        }
        for (ScoreCalibration c : this.calibrations.values()) {
            if (c.labelCount() != taxonomy.size()) {
                throw new IllegalArgumentException("calibration has " + c.labelCount() + " labels, taxonomy has " + taxonomy.size());
            }
        }
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

    /** The views this classifier can score with: its own type and, for an ensemble, each part. */
    public Set<ModelType> views() {
        return calibrations.keySet();
    }

    public float[] thresholds() {
        return calibrations.get(type).thresholds().clone();
    }

    public float[] thresholds(ModelType view) {
        return calibration(view).thresholds().clone();
    }

    /** Predicts one article with the classifier's own view and thresholds. */
    public Prediction predict(String title, String text) {
        return toPrediction(scores(List.of(features.extract(title, text)), type)[0], thresholds());
    }

    /** Calibrated probabilities of the classifier's own view, one row per feature vector. */
    public float[][] scores(List<SparseVector> rows) {
        return scores(rows, type);
    }

    /** Calibrated probabilities of one view. */
    public float[][] scores(List<SparseVector> rows, ModelType view) {
        ScoreCalibration calibration = calibration(view);
        return calibration.apply(rawScores(rows, view));
    }

    /** Scores many feature vectors on all cores, in order. */
    public float[][] scoresParallel(List<SparseVector> rows, ModelType view, int chunk) {
        float[][] out = new float[rows.size()][];
        IntStream.range(0, (rows.size() + chunk - 1) / chunk).parallel().forEach(c -> {
            int from = c * chunk;
            int to = Math.min(rows.size(), from + chunk);
            float[][] part = scores(rows.subList(from, to), view);
            System.arraycopy(part, 0, out, from, to - from);
        });
        return out;
    }

    float[][] rawScores(List<SparseVector> rows, ModelType view) {
        return switch (view) {
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

    private ScoreCalibration calibration(ModelType view) {
        ScoreCalibration c = calibrations.get(view);
        if (c == null) {
            throw new IllegalArgumentException("this " + type.id() + " classifier has no " + view.id() + " view (has: " + views() + ")");
        }
        return c;
    }

    /**
     * The n-grams of the article that raised the score of {@code label} most, strongest first, at
     * most {@code limit}. Contributions are exact on the logit scale of each model and combined
     * with the ensemble weight and calibration slopes.
     */
    public List<TermWeight> explain(String title, String text, int label, int limit) {
        SparseVector x = features.extract(title, text);
        float[] weights = contributions(x, label);
        Map<Integer, String> terms = features.terms(title, text);
        Map<String, Float> byTerm = new java.util.HashMap<>();
        for (int i = 0; i < weights.length; i++) {
            String term = terms.get(x.ids()[i]);
            if (term != null) {
                byTerm.merge(term, weights[i], Float::sum);
            }
        }
        return byTerm.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new TermWeight(e.getKey(), e.getValue()))
                .toList();
    }

    private float[] contributions(SparseVector x, int label) {
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
