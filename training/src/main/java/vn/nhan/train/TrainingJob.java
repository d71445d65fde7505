package vn.nhan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.bundle.TrainingData;
import vn.nhan.corpus.Corpus;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.TrainingConfig;
import vn.nhan.model.TrainingResult;

/**
 * One training run as the CLI and the scheduled jobs perform it: read the corpora, settle the
 * taxonomy, check the labels, train and save the bundle.
 */
public final class TrainingJob {
    /** The taxonomy to use: a file, the labels the corpus contains, or (null) the default. */
    public sealed interface TaxonomySource {
        record File(Path path) implements TaxonomySource {
        }

        record FromCorpus() implements TaxonomySource {
        }

        record Default(Path path) implements TaxonomySource {
        }
    }

    private final TrainingConfig config;
    private final ProgressListener progress;

    public TrainingJob(TrainingConfig config, ProgressListener progress) {
        this.config = config;
        this.progress = progress;
    }

    /** Reads every corpus (in order) into one list; a folder corpus may bring its own labels. */
    public static Corpus readAll(List<Path> corpora) throws IOException {
        List<Document> documents = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        java.util.Optional<Taxonomy> own = java.util.Optional.empty();
        for (Path path : corpora) {
            Corpus corpus = CorpusReader.read(path);
            documents.addAll(corpus.documents());
            sources.addAll(corpus.sources());
            if (corpus.ownTaxonomy().isPresent()) {
                own = corpus.ownTaxonomy();
            }
        }
        return new Corpus(documents, sources, own);
    }

    /** Resolves the taxonomy for {@code corpus}: explicit file, the corpus's labels, its own, or the default file. */
    public static Taxonomy taxonomy(TaxonomySource source, Corpus corpus) throws IOException {
        if (source instanceof TaxonomySource.File f) {
            return Taxonomy.read(f.path());
        }
        if (source instanceof TaxonomySource.FromCorpus) {
            TreeSet<String> ids = new TreeSet<>();
            corpus.documents().forEach(d -> ids.addAll(d.labels()));
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("--taxonomy corpus: the corpus has no labels");
            }
            return Taxonomy.ofIds(ids);
        }
        if (corpus.ownTaxonomy().isPresent()) {
            return corpus.ownTaxonomy().get();
        }
        Path fallback = ((TaxonomySource.Default) source).path();
        if (!Files.exists(fallback)) {
            throw new IllegalArgumentException("no taxonomy: pass --taxonomy FILE (looked for " + fallback.toAbsolutePath() + ")");
        }
        return Taxonomy.read(fallback);
    }

    /** Trains on {@code corpus} with {@code taxonomy} and saves the bundle at {@code out}. */
    public ModelBundle run(Corpus corpus, Taxonomy taxonomy, Path out) throws IOException {
        List<Document> documents = corpus.documents();
        progress.message("read " + documents.size() + " documents from " + String.join(", ", corpus.sources()));
        CorpusReader.checkLabels(documents, taxonomy);
        TrainingResult result = new ClassifierTrainer(config, progress).train(documents, taxonomy);
        ModelBundle bundle = ModelBundle.save(result, config, TrainingData.of(documents, corpus.sources()), out);
        result.crossValidation().forEach((modelType, e) -> progress.message(String.format(
                "cross-validated %-8s micro-F1 %.3f  macro-F1 %.3f", modelType.id(), e.microF1(), e.macroF1())));
        progress.message("saved " + bundle.id() + " to " + bundle.path() + " in " + result.elapsed().toSeconds() + " s");
        return bundle;
    }
}
