package vn.nhan.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import vn.nhan.features.FeatureConfig;
import vn.nhan.model.LinearConfig;
import vn.nhan.model.ModelType;
import vn.nhan.model.NeuralConfig;
import vn.nhan.model.TrainingConfig;
import vn.nhan.passage.PassageConfig;
import vn.nhan.train.GateConfig;

/**
 * The tuning options {@code train} and {@code retrain} share (one definition for both, a picocli
 * mixin). Their help shows defaults read from {@link TrainingConfig#defaults()} by {@link Defaults}
 * (a default provider), and {@link #apply} changes a configuration only where the user actually
 * gave an option: {@code train} applies them to the defaults, {@code retrain} to the champion's
 * recorded configuration.
 */
final class TrainingOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--model-type", description = "ensemble, neural or linear (default ${DEFAULT-VALUE}).")
    String modelType;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}): the same corpus and seed give the same model.")
    long seed;

    @Option(names = "--folds", description = "Cross-validation folds for calibration and thresholds (default ${DEFAULT-VALUE}; at most "
            + TrainingConfig.LARGE_CORPUS_FOLDS + " when the corpus has more documents than --cv-max-docs).")
    int folds;

    @Option(names = "--min-examples", description = "Fewest examples a label needs (default ${DEFAULT-VALUE}).")
    int minExamples;

    @Option(names = "--cv-max-docs", description = "Cross-validate on a stratified sample of at most this many documents (default ${DEFAULT-VALUE}).")
    int cvMaxDocuments;

    @Option(names = "--max-features", description = "Vocabulary size cap, most frequent n-grams first (default ${DEFAULT-VALUE}).")
    int maxFeatures;

    @Option(names = "--ngrams", description = "Syllable n-gram range of the accented view, MIN-MAX (default ${DEFAULT-VALUE}).")
    String ngrams;

    @Option(names = "--epochs", description = "Most epochs of the neural model (default ${DEFAULT-VALUE}; early stopping usually ends sooner).")
    int epochs;

    @Option(names = "--neural-dim", description = "Embedding width of the neural model (default ${DEFAULT-VALUE}).")
    int neuralDimension;

    @Option(names = "--neural-lr", description = "Learning rate of the neural embedding table (default ${DEFAULT-VALUE}).")
    double neuralLearningRate;

    @Option(names = "--neural-features", description = "Rows of the neural table: the most frequent features (default ${DEFAULT-VALUE}).")
    int neuralFeatures;

    @Option(names = "--linear-lambda", description = "L2 penalty of the linear model (default ${DEFAULT-VALUE}).")
    double linearLambda;

    @Option(names = "--linear-max-iter", description = "Most L-BFGS iterations of the linear model per label (default ${DEFAULT-VALUE}).")
    int linearMaxIterations;

    @Option(names = "--linear-sgd-updates", description = "SGD updates per label, spread over whole epochs (default ${DEFAULT-VALUE}).")
    int linearSgdUpdates;

    @Option(names = "--linear-sgd-lr", description = "SGD learning rate of the linear model, decaying linearly (default ${DEFAULT-VALUE}).")
    double linearSgdLearningRate;

    @Option(names = "--linear-solver", description = "auto (L-BFGS for small corpora, SGD for large), lbfgs or sgd (default ${DEFAULT-VALUE}).")
    String linearSolver;

    @Option(names = "--passage-min-words", description = "Fewest words of a passage (default ${DEFAULT-VALUE}).")
    int passageMinWords;

    @Option(names = "--passage-max-words", description = "Most words of a passage (default ${DEFAULT-VALUE}).")
    int passageMaxWords;

    private boolean given(String name) {
        return mixee.commandLine().getParseResult().hasMatchedOption(name);
    }

    /** {@code config} with the options the user gave, and only those. */
    TrainingConfig apply(TrainingConfig config) {
        if (given("--model-type")) {
            config = config.withModelType(ModelType.parse(modelType));
        }
        if (given("--seed")) {
            config = config.withSeed(seed);
        }
        if (given("--folds")) {
            config = config.withFolds(folds);
        }
        if (given("--min-examples")) {
            config = config.withMinExamples(minExamples);
        }
        if (given("--cv-max-docs")) {
            config = config.withCrossValidationMaxDocuments(cvMaxDocuments);
        }
        FeatureConfig f = config.features();
        if (given("--max-features")) {
            f = new FeatureConfig(f.minN(), f.maxN(), f.strippedMaxN(), f.minDf(), f.maxDfRatio(), maxFeatures);
        }
        if (given("--ngrams")) {
            String[] range = ngrams.split("-");
            if (range.length != 2) {
                throw new CommandLine.ParameterException(mixee.commandLine(), "--ngrams expects MIN-MAX such as 1-2, got '" + ngrams + "'");
            }
            f = f.withNgrams(Integer.parseInt(range[0].strip()), Integer.parseInt(range[1].strip()));
        }
        NeuralConfig neural = config.neural();
        if (given("--epochs")) {
            neural = neural.withMaxEpochs(epochs);
        }
        if (given("--neural-dim")) {
            neural = neural.withDimension(neuralDimension);
        }
        if (given("--neural-lr")) {
            neural = neural.withTableLearningRate(neuralLearningRate);
        }
        if (given("--neural-features")) {
            neural = neural.withMaxFeatures(neuralFeatures);
        }
        LinearConfig linear = config.linear();
        if (given("--linear-lambda")) {
            linear = linear.withLambda(linearLambda);
        }
        if (given("--linear-max-iter")) {
            linear = linear.withMaxIterations(linearMaxIterations);
        }
        if (given("--linear-sgd-updates") || given("--linear-sgd-lr")) {
            linear = linear.withSgd(given("--linear-sgd-lr") ? linearSgdLearningRate : linear.sgdLearningRate(),
                    given("--linear-sgd-updates") ? linearSgdUpdates : linear.sgdUpdates());
        }
        if (given("--linear-solver")) {
            linear = linear.withSolver(LinearConfig.Solver.parse(linearSolver));
        }
        PassageConfig passages = config.passages();
        if (given("--passage-min-words") || given("--passage-max-words")) {
            passages = new PassageConfig(given("--passage-min-words") ? passageMinWords : passages.minWords(),
                    given("--passage-max-words") ? passageMaxWords : passages.maxWords());
        }
        return config.withFeatures(f).withNeural(neural).withLinear(linear).withPassages(passages);
    }

    /** The defaults the help shows and unset options hold, read from the configuration records. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        static Map<String, String> values() {
            TrainingConfig c = TrainingConfig.defaults();
            GateConfig g = GateConfig.defaults();
            return Map.ofEntries(
                    Map.entry("--model-type", c.modelType().id()),
                    Map.entry("--seed", String.valueOf(c.seed())),
                    Map.entry("--folds", String.valueOf(c.folds())),
                    Map.entry("--min-examples", String.valueOf(c.minExamplesPerLabel())),
                    Map.entry("--cv-max-docs", String.valueOf(c.crossValidationMaxDocuments())),
                    Map.entry("--max-features", String.valueOf(c.features().maxFeatures())),
                    Map.entry("--ngrams", c.features().minN() + "-" + c.features().maxN()),
                    Map.entry("--epochs", String.valueOf(c.neural().maxEpochs())),
                    Map.entry("--neural-dim", String.valueOf(c.neural().dimension())),
                    Map.entry("--neural-lr", String.valueOf(c.neural().tableLearningRate())),
                    Map.entry("--neural-features", String.valueOf(c.neural().maxFeatures())),
                    Map.entry("--linear-lambda", String.valueOf(c.linear().lambda())),
                    Map.entry("--linear-max-iter", String.valueOf(c.linear().maxIterations())),
                    Map.entry("--linear-sgd-updates", String.valueOf(c.linear().sgdUpdates())),
                    Map.entry("--linear-sgd-lr", String.valueOf(c.linear().sgdLearningRate())),
                    Map.entry("--linear-solver", c.linear().solver().name().toLowerCase(Locale.ROOT)),
                    Map.entry("--passage-min-words", String.valueOf(c.passages().minWords())),
                    Map.entry("--passage-max-words", String.valueOf(c.passages().maxWords())),
                    Map.entry("--min-gain", String.valueOf(g.minGain())),
                    Map.entry("--max-label-drop", String.valueOf(g.maxLabelDrop())),
                    Map.entry("--max-churn", String.valueOf(g.maxChurn())));
        }

        @Override
        public String defaultValue(ArgSpec argSpec) {
            return argSpec instanceof OptionSpec o ? values().get(o.longestName()) : null;
        }
    }
}
