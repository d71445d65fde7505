package vn.nhan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.corpus.Corpus;
import vn.nhan.data.Taxonomy;
import vn.nhan.features.FeatureConfig;
import vn.nhan.model.LinearConfig;
import vn.nhan.model.NeuralConfig;
import vn.nhan.model.ModelType;
import vn.nhan.model.TrainingConfig;
import vn.nhan.train.TrainingJob;

/** {@code nhan train}: trains a model on a labelled corpus and saves it as a bundle. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a model on a labelled corpus and saves it as a bundle directory.",
                "The corpus is a .jsonl/.csv/.tsv file, a directory of *.jsonl files, or a folder-per-label tree (DIR/<label>/*.txt)."})
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--corpus", required = true, description = "Training corpus: a file or a directory (repeat to combine several).")
    List<Path> corpora;

    @Option(names = "--taxonomy", description = {"Taxonomy JSON [{id, name, group, description}], or the word 'corpus' to use the labels the corpus contains",
            "(default: $NHAN_TAXONOMY, else data/taxonomy.json; a folder-per-label corpus brings its own)."})
    Path taxonomy;

    @Option(names = "--out", required = true, description = "Where to write the model bundle (a directory; replaced atomically).")
    Path out;

    @Option(names = "--model-type", defaultValue = "ensemble", description = "ensemble (default), neural or linear.")
    String modelType;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}): the same corpus and seed give the same model.")
    long seed;

    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds for calibration and thresholds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--min-examples", defaultValue = "3", description = "Fewest examples a label needs (default ${DEFAULT-VALUE}).")
    int minExamples;

    @Option(names = "--cv-max-docs", description = "Cross-validate on a stratified sample of at most this many documents (default 10000).")
    Integer cvMaxDocuments;

    @Option(names = "--max-features", description = "Vocabulary size cap, most frequent n-grams first (default 500000).")
    Integer maxFeatures;

    @Option(names = "--ngrams", description = "Syllable n-gram range of the accented view, MIN-MAX (default 1-2).")
    String ngrams;

    @Option(names = "--epochs", description = "Most epochs of the neural model (default 30; early stopping usually ends sooner).")
    Integer epochs;

    @Option(names = "--neural-dim", description = "Embedding width of the neural model (default 64).")
    Integer neuralDimension;

    @Option(names = "--neural-lr", description = "Learning rate of the neural embedding table (default 2.0).")
    Double neuralLearningRate;

    @Option(names = "--neural-features", description = "Rows of the neural table: the most frequent features (default 400000).")
    Integer neuralFeatures;

    @Option(names = "--linear-lambda", description = "L2 penalty of the linear model (default 0.1).")
    Double linearLambda;

    @Option(names = "--linear-max-iter", description = "Most L-BFGS iterations of the linear model per label (default 200).")
    Integer linearMaxIterations;

    @Option(names = "--linear-sgd-updates", description = "SGD updates per label, spread over whole epochs (default 400000).")
    Integer linearSgdUpdates;

    @Option(names = "--linear-sgd-lr", description = "SGD learning rate of the linear model, decaying linearly (default 4.0).")
    Double linearSgdLearningRate;

    @Option(names = "--linear-solver", description = "auto (default: L-BFGS for small corpora, SGD for large), lbfgs or sgd.")
    String linearSolver;

    @Override
    public Integer call() throws Exception {
        TrainingConfig config = overrides(TrainingConfig.defaults().withModelType(ModelType.parse(modelType)).withSeed(seed)
                .withFolds(folds).withMinExamples(minExamples));
        Corpus corpus = TrainingJob.readAll(corpora);
        Taxonomy labels = TrainingJob.taxonomy(taxonomySource(), corpus);
        new TrainingJob(config, new ConsoleProgress(System.err)).run(corpus, labels, out);
        return 0;
    }

    private TrainingJob.TaxonomySource taxonomySource() {
        if (taxonomy == null) {
            return new TrainingJob.TaxonomySource.Default(Defaults.taxonomyPath());
        }
        return "corpus".equals(taxonomy.toString()) ? new TrainingJob.TaxonomySource.FromCorpus() : new TrainingJob.TaxonomySource.File(taxonomy);
    }

    private TrainingConfig overrides(TrainingConfig config) {
        if (cvMaxDocuments != null) {
            config = config.withCrossValidationMaxDocuments(cvMaxDocuments);
        }
        if (maxFeatures != null) {
            FeatureConfig f = config.features();
            config = config.withFeatures(new FeatureConfig(f.minN(), f.maxN(), f.strippedMaxN(), f.minDf(), f.maxDfRatio(), maxFeatures));
        }
        if (ngrams != null) {
            String[] range = ngrams.split("-");
            if (range.length != 2) {
                throw new IllegalArgumentException("--ngrams expects MIN-MAX such as 1-2, got '" + ngrams + "'");
            }
            config = config.withFeatures(config.features().withNgrams(Integer.parseInt(range[0].strip()), Integer.parseInt(range[1].strip())));
        }
        NeuralConfig neural = config.neural();
        if (epochs != null) {
            neural = neural.withMaxEpochs(epochs);
        }
        if (neuralDimension != null) {
            neural = neural.withDimension(neuralDimension);
        }
        if (neuralLearningRate != null) {
            neural = neural.withTableLearningRate(neuralLearningRate);
        }
        if (neuralFeatures != null) {
            neural = neural.withMaxFeatures(neuralFeatures);
        }
        LinearConfig linear = config.linear();
        if (linearLambda != null) {
            linear = linear.withLambda(linearLambda);
        }
        if (linearMaxIterations != null) {
            linear = linear.withMaxIterations(linearMaxIterations);
        }
        if (linearSgdUpdates != null || linearSgdLearningRate != null) {
            linear = linear.withSgd(linearSgdLearningRate != null ? linearSgdLearningRate : linear.sgdLearningRate(),
                    linearSgdUpdates != null ? linearSgdUpdates : linear.sgdUpdates());
        }
        if (linearSolver != null) {
            linear = linear.withSolver(LinearConfig.Solver.parse(linearSolver));
        }
        return config.withNeural(neural).withLinear(linear);
    }
}
