package vn.nhan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.corpus.Corpus;
import vn.nhan.data.Taxonomy;
import vn.nhan.model.TrainingConfig;
import vn.nhan.train.TrainingJob;

/** {@code nhan train}: trains a model on a labelled corpus and saves it as a bundle. */
@Command(name = "train", mixinStandardHelpOptions = true, defaultValueProvider = TrainingOptions.Defaults.class,
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

    @CommandLine.Mixin
    TrainingOptions options;

    @Override
    public Integer call() throws Exception {
        TrainingConfig config = options.apply(TrainingConfig.defaults());
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
}
