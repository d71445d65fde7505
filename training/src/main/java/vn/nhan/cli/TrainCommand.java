package vn.nhan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.bundle.TrainingData;
import vn.nhan.corpus.Corpus;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.model.ModelType;
import vn.nhan.model.TrainingConfig;
import vn.nhan.model.TrainingResult;

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

    @Option(names = "--epochs", description = "Most epochs of the neural model (default 30; early stopping usually ends sooner).")
    Integer epochs;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.err);
        List<Document> documents = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        Taxonomy own = null;
        for (Path path : corpora) {
            Corpus corpus = CorpusReader.read(path);
            documents.addAll(corpus.documents());
            sources.addAll(corpus.sources());
            own = corpus.ownTaxonomy().orElse(own);
        }
        progress.message("read " + documents.size() + " documents from " + String.join(", ", sources));
        Taxonomy labels = "corpus".equals(String.valueOf(taxonomy)) ? labelsOf(documents) : resolveTaxonomy(own);
        CorpusReader.checkLabels(documents, labels);
        TrainingConfig config = TrainingConfig.defaults().withModelType(ModelType.parse(modelType)).withSeed(seed).withFolds(folds)
                .withMinExamples(minExamples);
        if (epochs != null) {
            config = config.withNeural(config.neural().withMaxEpochs(epochs));
        }
        TrainingResult result = new ClassifierTrainer(config, progress).train(documents, labels);
        ModelBundle bundle = ModelBundle.save(result, config, TrainingData.of(documents, sources), out);
        result.crossValidation().forEach((view, e) -> progress.message(String.format(
                "cross-validated %-8s micro-F1 %.3f  macro-F1 %.3f", view.id(), e.microF1(), e.macroF1())));
        progress.message("saved " + bundle.id() + " to " + bundle.path() + " in " + result.elapsed().toSeconds() + " s");
        return 0;
    }

    private static Taxonomy labelsOf(List<Document> documents) {
        java.util.TreeSet<String> ids = new java.util.TreeSet<>();
        documents.forEach(d -> ids.addAll(d.labels()));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("--taxonomy corpus: the corpus has no labels");
        }
        return Taxonomy.ofIds(ids);
    }

    private Taxonomy resolveTaxonomy(Taxonomy own) throws Exception {
        if (taxonomy != null) {
            return Taxonomy.read(taxonomy);
        }
        if (own != null) {
            return own;
        }
        String env = System.getenv("NHAN_TAXONOMY");
        Path fallback = env != null && !env.isBlank() ? Path.of(env) : Path.of("data", "taxonomy.json");
        if (!Files.exists(fallback)) {
            throw new IllegalArgumentException("no taxonomy: pass --taxonomy FILE (looked for " + fallback.toAbsolutePath() + ")");
        }
        return Taxonomy.read(fallback);
    }
}
