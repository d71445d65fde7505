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
import vn.nhan.features.ArticleFeatures;
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
        boolean[][] gold = TrainingSet.gold(documents, taxonomy, config);
        int[] sample = FoldAssignment.sample(gold, config.crossValidationMaxDocuments(), config.seed());
        CorpusFeatures corpus = CorpusFeatures.read(documents, gold, sample, config, progress);
        int n = documents.size();
        Settled settled = settle(corpus.sample(), config.foldsFor(n), taxonomy);
        progress.message("final model on all " + n + " documents");
        int finalEpochs = finalNeuralEpochs(settled.bestEpochs);
        if (config.modelType().usesNeural()) {
            progress.message("neural model: " + finalEpochs + " epoch(s), the median best epoch of the folds");
        }
        FeatureExtractor features = corpus.finalFeatures();
        Models models = fitModels(features, corpus.vectors(features), gold, config.seed(), config.neural().withValidationFraction(0), finalEpochs);
        Classifier classifier = new Classifier(taxonomy, models.features, config.modelType(), models.neural, models.linear,
                settled.neuralWeight, settled.calibrations, settled.passages);
        return new TrainingResult(classifier, settled.crossValidation, settled.wholeArticle, Duration.ofNanos(System.nanoTime() - start));
    }

    /** What cross-validation settles: calibrations, ensemble and passage weights, thresholds, the folds' figures and best neural epochs. */
    private record Settled(double neuralWeight, Map<ModelType, ScoreCalibration> calibrations, PassageBlend passages,
                           Map<ModelType, MultiLabelEvaluation> crossValidation, Map<ModelType, MultiLabelEvaluation> wholeArticle,
                           int[] bestEpochs) {
    }

    private Settled settle(TrainingSet cv, int folds, Taxonomy taxonomy) {
        float[][] oofNeural = new float[cv.size()][];
        float[][] oofLinear = new float[cv.size()][];
        float[][][] oofNeuralPassages = new float[cv.size()][][];
        float[][][] oofLinearPassages = new float[cv.size()][][];
        int[] bestEpochs = crossValidate(cv, folds, oofNeural, oofLinear, oofNeuralPassages, oofLinearPassages);
        Map<ModelType, ScoreCalibration> calibrations = new EnumMap<>(ModelType.class);
        MultiLabelEvaluator evaluator = new MultiLabelEvaluator(taxonomy.ids());
        if (config.modelType().usesNeural()) {
            calibrations.put(ModelType.NEURAL, calibrate(oofNeural, cv.gold()));
        }
        if (config.modelType().usesLinear()) {
            calibrations.put(ModelType.LINEAR, calibrate(oofLinear, cv.gold()));
        }
        double neuralWeight = config.modelType() == ModelType.LINEAR ? 0 : 1;
        OutOfFold oof;
        PassageBlend passages;
        if (config.modelType() == ModelType.ENSEMBLE) {
            Blend blend = chooseEnsembleAndPassageWeights(oofNeural, oofLinear, oofNeuralPassages, oofLinearPassages, calibrations, cv.gold());
            neuralWeight = blend.neuralWeight;
            oof = blend.oof;
            calibrations = new EnumMap<>(oof.calibrations());
            progress.message(String.format("ensemble weight: neural %.2f, linear %.2f", neuralWeight, 1 - neuralWeight));
            passages = passageThresholds(oof, blend.passageWeight, cv.gold());
        } else {
            oof = new OutOfFold(oofNeural, oofLinear, oofNeuralPassages, oofLinearPassages, calibrations, neuralWeight);
            passages = choosePassageBlend(oof, cv.gold());
        }
        progress.message(String.format("passage weight: %.2f", passages.weight()));
        Map<ModelType, MultiLabelEvaluation> crossValidation = new EnumMap<>(ModelType.class);
        Map<ModelType, MultiLabelEvaluation> wholeArticle = new EnumMap<>(ModelType.class);
        for (ModelType modelType : calibrations.keySet()) {
            crossValidation.put(modelType, evaluator.evaluate(cv.gold(), oof.blended(modelType, passages.weight()), passages.thresholds().get(modelType)));
            wholeArticle.put(modelType, evaluator.evaluate(cv.gold(), oof.blended(modelType, 0), calibrations.get(modelType).thresholds()));
        }
        return new Settled(neuralWeight, calibrations, passages, crossValidation, wholeArticle, bestEpochs);
    }

    /**
     * The final network's epochs: the folds' median best epoch (early stopping on their validation
     * slices found it; all documents train the final network, so no epoch past the best runs).
     */
    int finalNeuralEpochs(int[] bestEpochs) {
        int[] sorted = bestEpochs.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? config.neural().maxEpochs() : Math.max(1, sorted[(sorted.length - 1) / 2]);
    }

    /**
     * Fills the out-of-fold scores of every document of {@code cv} and of its passages, fold by fold;
     * returns each fold's best neural epoch (empty without a neural model).
     */
    private int[] crossValidate(TrainingSet cv, int folds, float[][] oofNeural, float[][] oofLinear, float[][][] oofNeuralPassages,
                                float[][][] oofLinearPassages) {
        int[] fold = FoldAssignment.assign(cv.gold(), folds, config.seed());
        int[] bestEpochs = new int[config.modelType().usesNeural() ? folds : 0];
        for (int f = 0; f < folds; f++) {
            progress.message("cross-validation fold " + (f + 1) + " of " + folds + " (" + cv.size() + " documents)");
            List<Integer> trainRows = new ArrayList<>();
            List<Integer> testRows = new ArrayList<>();
            for (int i = 0; i < cv.size(); i++) {
                (fold[i] == f ? testRows : trainRows).add(i);
            }
            FeatureExtractor features = VocabularyBuilder.fit(trainRows.stream().map(cv::keys).toList(), config.features())
                    .withPassages(config.passages());
            List<SparseVector> vectors = trainRows.parallelStream().map(i -> features.vectorize(cv.keys(i)).sortedById()).toList();
            boolean[][] foldGold = trainRows.stream().map(i -> cv.gold()[i]).toArray(boolean[][]::new);
            Models models = fitModels(features, vectors, foldGold, config.seed() + f + 1, config.neural(), config.neural().maxEpochs());
            if (models.neuralBestEpoch > 0) {
                bestEpochs[f] = models.neuralBestEpoch;
            }
            testRows.parallelStream().forEach(i -> {
                ArticleFeatures article = models.features.vectorize(cv.article(i));
                if (models.neural != null) {
                    float[][] s = models.neural.scoreArticle(article);
                    oofNeural[i] = s[0];
                    oofNeuralPassages[i] = java.util.Arrays.copyOfRange(s, 1, s.length);
                }
                if (models.linear != null) {
                    float[][] s = models.linear.scoreArticle(article);
                    oofLinear[i] = s[0];
                    oofLinearPassages[i] = java.util.Arrays.copyOfRange(s, 1, s.length);
                }
            });
            progress.step("folds", f + 1, folds);
        }
        return bestEpochs;
    }

    private record Models(FeatureExtractor features, EmbeddingBagModel neural, int neuralBestEpoch, LinearModel linear) {
    }

    private Models fitModels(FeatureExtractor features, List<SparseVector> vectors, boolean[][] gold, long seed, NeuralConfig neuralConfig,
                             int neuralEpochs) {
        int dimension = features.dimension();
        CompletableFuture<EmbeddingBagTrainer.Fit> neural = config.modelType().usesNeural()
                ? CompletableFuture.supplyAsync(() -> new EmbeddingBagTrainer(neuralConfig, seed, neuralEpochs).fitWithBestEpoch(vectors, gold, dimension, progress),
                        r -> new Thread(r, "neural-trainer").start())
                : CompletableFuture.completedFuture(null);
        LinearModel linear = config.modelType().usesLinear()
                ? new LinearTrainer(config.linear(), seed).fit(vectors, gold, dimension, progress)
                : null;
        try {
            EmbeddingBagTrainer.Fit fit = neural.join();
            return fit == null ? new Models(features, null, 0, linear) : new Models(features, fit.model(), fit.bestEpoch(), linear);
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

    record Blend(double neuralWeight, double passageWeight, OutOfFold oof) {
    }

    /**
     * The neural share of the ensemble (0, 0.05, ... 1) and the passage weight chosen together: the
     * pair whose blended out-of-fold article scores, each with its own F1-optimal thresholds, have the
     * best micro-F1 (ties go to the neural share nearest 0.5, then the smaller passage weight).
     */
    static Blend chooseEnsembleAndPassageWeights(float[][] oofNeural, float[][] oofLinear, float[][][] neuralPassages,
                                                         float[][][] linearPassages, Map<ModelType, ScoreCalibration> parts,
                                                         boolean[][] gold) {
        float[][] calNeural = parts.get(ModelType.NEURAL).apply(oofNeural);
        float[][] calLinear = parts.get(ModelType.LINEAR).apply(oofLinear);
        OutOfFold[] oofs = new OutOfFold[NEURAL_SHARE_STEPS + 1];
        double[][] f1s = new double[NEURAL_SHARE_STEPS + 1][PASSAGE_WEIGHTS.length];
        java.util.stream.IntStream.rangeClosed(0, NEURAL_SHARE_STEPS).parallel().forEach(step -> {
            double w = (double) step / NEURAL_SHARE_STEPS;
            Map<ModelType, ScoreCalibration> calibrations = new EnumMap<>(parts);
            calibrations.put(ModelType.ENSEMBLE, calibrate(Classifier.combine(calNeural, calLinear, w), gold));
            oofs[step] = new OutOfFold(oofNeural, oofLinear, neuralPassages, linearPassages, calibrations, w);
            for (int p = 0; p < PASSAGE_WEIGHTS.length; p++) {
                float[][] blended = oofs[step].blended(ModelType.ENSEMBLE, PASSAGE_WEIGHTS[p]);
                f1s[step][p] = MultiLabelEvaluator.microF1(gold, MultiLabelEvaluator.predict(blended, bestThresholds(blended, gold)));
            }
        });
        Blend best = null;
        double bestF1 = -1;
        for (int step = 0; step <= NEURAL_SHARE_STEPS; step++) {
            double w = (double) step / NEURAL_SHARE_STEPS;
            for (int p = 0; p < PASSAGE_WEIGHTS.length; p++) {
                double f1 = f1s[step][p];
                if (f1 > bestF1 + 1e-9 || Math.abs(f1 - bestF1) <= 1e-9 && Math.abs(w - 0.5) < Math.abs(best.neuralWeight - 0.5)) {
                    bestF1 = f1;
                    best = new Blend(w, PASSAGE_WEIGHTS[p], oofs[step]);
                }
            }
        }
        return best;
    }

    /** Every model type's thresholds at passage weight {@code weight}. */
    private static PassageBlend passageThresholds(OutOfFold oof, double weight, boolean[][] gold) {
        Map<ModelType, float[]> thresholds = new EnumMap<>(ModelType.class);
        for (ModelType modelType : oof.calibrations().keySet()) {
            thresholds.put(modelType, bestThresholds(oof.blended(modelType, weight), gold));
        }
        return new PassageBlend(weight, thresholds);
    }

    /** The blend weights tried, whole article alone (0) to best passage alone (1). */
    /** The neural shares of the ensemble tried: 0, 1/20, ..., 1. */
    static final int NEURAL_SHARE_STEPS = 20;

    static final double[] PASSAGE_WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

    /**
     * The passage weight with the best out-of-fold micro-F1 of the classifier's own model type (each
     * weight with its own F1-optimal thresholds; ties go to the smaller weight), and every model type's
     * thresholds at that weight.
     */
    PassageBlend choosePassageBlend(OutOfFold oof, boolean[][] gold) {
        ModelType main = config.modelType();
        double best = 0;
        double bestF1 = -1;
        for (double w : PASSAGE_WEIGHTS) {
            float[][] blended = oof.blended(main, w);
            double f1 = MultiLabelEvaluator.microF1(gold, MultiLabelEvaluator.predict(blended, bestThresholds(blended, gold)));
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = w;
            }
        }
        return passageThresholds(oof, best, gold);
    }

    static float[] bestThresholds(float[][] scores, boolean[][] gold) {
        float[] thresholds = new float[gold[0].length];
        for (int l = 0; l < thresholds.length; l++) {
            thresholds[l] = clampThreshold(MultiLabelEvaluator.bestF1Threshold(Columns.of(scores, l), Columns.of(gold, l)).threshold());
        }
        return thresholds;
    }

}
