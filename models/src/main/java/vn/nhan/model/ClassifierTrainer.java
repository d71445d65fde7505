package vn.nhan.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.eval.Columns;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluator;
import vn.nhan.features.FeatureExtractor;
import vn.nhan.features.SparseVector;
import vn.nhan.features.VocabularyBuilder;

/**
 * Trains a {@link Classifier}. k-fold cross-validation gives out-of-fold scores for every document;
 * on them each model is calibrated (Platt), the ensemble weight is chosen, and per-label thresholds
 * are tuned to maximise F1. Then the vocabulary and the models are fitted on all documents.
 * The vocabulary of each fold is fitted on that fold's training part only.
 */
public final class ClassifierTrainer {
    private static final float MIN_THRESHOLD = 0.05f;
    private static final float MAX_THRESHOLD = 0.95f;
    private final TrainingConfig config;
    private final ProgressListener progress;

    public ClassifierTrainer(TrainingConfig config, ProgressListener progress) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.progress = Objects.requireNonNull(progress, "progress must not be null");
    }

    public TrainingResult train(List<Document> documents, Taxonomy taxonomy) {
        long start = System.nanoTime();
        TrainingSet set = TrainingSet.of(documents, taxonomy, config, progress);
        int n = set.size();
        TrainingSet cv = set.subset(FoldAssignment.sample(set.gold(), config.crossValidationMaxDocuments(), config.seed()));
        float[][] oofNeural = new float[cv.size()][];
        float[][] oofLinear = new float[cv.size()][];
        crossValidate(cv, oofNeural, oofLinear);
        Map<ModelType, ScoreCalibration> calibrations = new EnumMap<>(ModelType.class);
        Map<ModelType, MultiLabelEvaluation> crossValidation = new EnumMap<>(ModelType.class);
        MultiLabelEvaluator evaluator = new MultiLabelEvaluator(taxonomy.ids());
        if (config.modelType().usesNeural()) {
            calibrations.put(ModelType.NEURAL, calibrate(oofNeural, cv.gold()));
        }
        if (config.modelType().usesLinear()) {
            calibrations.put(ModelType.LINEAR, calibrate(oofLinear, cv.gold()));
        }
        double neuralWeight = config.modelType() == ModelType.LINEAR ? 0 : 1;
        if (config.modelType() == ModelType.ENSEMBLE) {
            float[][] calNeural = calibrations.get(ModelType.NEURAL).apply(oofNeural);
            float[][] calLinear = calibrations.get(ModelType.LINEAR).apply(oofLinear);
            neuralWeight = chooseWeight(calNeural, calLinear, cv.gold());
            progress.message(String.format("ensemble weight: neural %.2f, linear %.2f", neuralWeight, 1 - neuralWeight));
            calibrations.put(ModelType.ENSEMBLE, calibrate(Classifier.combine(calNeural, calLinear, neuralWeight), cv.gold()));
            crossValidation.put(ModelType.ENSEMBLE, evaluate(evaluator, calibrations.get(ModelType.ENSEMBLE),
                    Classifier.combine(calNeural, calLinear, neuralWeight), cv.gold()));
        }
        if (config.modelType().usesNeural()) {
            crossValidation.put(ModelType.NEURAL, evaluate(evaluator, calibrations.get(ModelType.NEURAL), oofNeural, cv.gold()));
        }
        if (config.modelType().usesLinear()) {
            crossValidation.put(ModelType.LINEAR, evaluate(evaluator, calibrations.get(ModelType.LINEAR), oofLinear, cv.gold()));
        }
        progress.message("final model on all " + n + " documents");
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        Models models = fitModels(set, all, config.seed());
        Classifier classifier = new Classifier(taxonomy, models.features, config.modelType(), models.neural, models.linear,
                neuralWeight, calibrations);
        return new TrainingResult(classifier, crossValidation, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Fills the out-of-fold scores of every document of {@code cv}, fold by fold. */
    private void crossValidate(TrainingSet cv, float[][] oofNeural, float[][] oofLinear) {
        int[] fold = FoldAssignment.assign(cv.gold(), config.folds(), config.seed());
        for (int f = 0; f < config.folds(); f++) {
            progress.message("cross-validation fold " + (f + 1) + " of " + config.folds() + " (" + cv.size() + " documents)");
            List<Integer> trainRows = new ArrayList<>();
            List<Integer> testRows = new ArrayList<>();
            for (int i = 0; i < cv.size(); i++) {
                (fold[i] == f ? testRows : trainRows).add(i);
            }
            Models models = fitModels(cv, trainRows, config.seed() + f + 1);
            List<SparseVector> test = testRows.stream().map(i -> models.features.vectorize(cv.keys().get(i))).toList();
            float[][] neural = models.neural == null ? null : models.neural.scores(test);
            float[][] linear = models.linear == null ? null : models.linear.scores(test);
            for (int t = 0; t < testRows.size(); t++) {
                if (neural != null) {
                    oofNeural[testRows.get(t)] = neural[t];
                }
                if (linear != null) {
                    oofLinear[testRows.get(t)] = linear[t];
                }
            }
            progress.step("folds", f + 1, config.folds());
        }
    }

    private record Models(FeatureExtractor features, EmbeddingBagModel neural, LinearModel linear) {
    }

    private Models fitModels(TrainingSet set, List<Integer> rows, long seed) {
        FeatureExtractor features = VocabularyBuilder.fit(rows.stream().map(i -> set.keys().get(i)).toList(), config.features());
        List<SparseVector> vectors = rows.parallelStream().map(i -> features.vectorize(set.keys().get(i))).toList();
        boolean[][] gold = rows.stream().map(i -> set.gold()[i]).toArray(boolean[][]::new);
        int dimension = features.dimension();
        CompletableFuture<EmbeddingBagModel> neural = config.modelType().usesNeural()
                ? CompletableFuture.supplyAsync(() -> new EmbeddingBagTrainer(config.neural(), seed).fit(vectors, gold, dimension, progress),
                        r -> new Thread(r, "neural-trainer").start())
                : CompletableFuture.completedFuture(null);
        LinearModel linear = config.modelType().usesLinear()
                ? new LinearTrainer(config.linear(), seed).fit(vectors, gold, dimension, progress)
                : null;
        try {
            return new Models(features, neural.join(), linear);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Platt-scales each label on out-of-fold scores, then tunes its F1-optimal threshold. */
    static ScoreCalibration calibrate(float[][] scores, boolean[][] gold) {
        int labels = gold[0].length;
        float[] slopes = new float[labels];
        float[] intercepts = new float[labels];
        float[] thresholds = new float[labels];
        for (int l = 0; l < labels; l++) {
            float[] column = Columns.of(scores, l);
            boolean[] truth = Columns.of(gold, l);
            double[] ab = PlattScaler.fit(column, truth);
            slopes[l] = (float) ab[0];
            intercepts[l] = (float) ab[1];
            for (int i = 0; i < column.length; i++) {
                column[i] = PlattScaler.apply(ab[0], ab[1], column[i]);
            }
            thresholds[l] = clampThreshold(MultiLabelEvaluator.bestF1Threshold(column, truth).threshold());
        }
        return new ScoreCalibration(slopes, intercepts, thresholds);
    }

    private static float clampThreshold(float t) {
        return Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, t));
    }

    /** The neural share of the ensemble (0, 0.05, ... 1) with the best out-of-fold micro-F1. */
    static double chooseWeight(float[][] neural, float[][] linear, boolean[][] gold) {
        double best = 0.5;
        double bestF1 = -1;
        for (int step = 0; step <= 20; step++) {
            double w = step / 20.0;
            float[][] combined = Classifier.combine(neural, linear, w);
            float[] thresholds = new float[gold[0].length];
            for (int l = 0; l < thresholds.length; l++) {
                thresholds[l] = clampThreshold(MultiLabelEvaluator.bestF1Threshold(Columns.of(combined, l), Columns.of(gold, l)).threshold());
            }
            double f1 = MultiLabelEvaluator.microF1(gold, MultiLabelEvaluator.predict(combined, thresholds));
            if (f1 > bestF1 + 1e-9 || Math.abs(f1 - bestF1) <= 1e-9 && Math.abs(w - 0.5) < Math.abs(best - 0.5)) {
                bestF1 = f1;
                best = w;
            }
        }
        return best;
    }

    private static MultiLabelEvaluation evaluate(MultiLabelEvaluator evaluator, ScoreCalibration calibration, float[][] raw, boolean[][] gold) {
        return evaluator.evaluate(gold, calibration.apply(raw), calibration.thresholds());
    }
}
