package vn.nhan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.corpus.Corpus;
import vn.nhan.data.Taxonomy;
import vn.nhan.model.TrainingConfig;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.registry.RetrainLock;
import vn.nhan.train.TrainingJob;

/**
 * {@code nhan bootstrap}: makes sure a registry has a current model, training the default model
 * from the default corpus when it has none. {@code nhan serve} runs it before serving a
 * registry, so a fresh machine serves the default model.
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = "Trains the default model into the registry if the registry has no versions at all (nhan serve does it before serving a registry).")
final class BootstrapCommand implements Callable<Integer> {
    @Option(names = "--registry", defaultValue = "${env:NHAN_REGISTRY:-" + ModelRegistry.DEFAULT_DIRECTORY + "}", description = "Model registry directory (default: $NHAN_REGISTRY or " + ModelRegistry.DEFAULT_DIRECTORY + ").")
    Path registry;

    @Option(names = "--feedback-url", defaultValue = "${env:NHAN_FEEDBACK_URL}",
            description = "JDBC URL of the feedback store ($NHAN_FEEDBACK_URL): with PostgreSQL the job lock is its advisory lock.")
    String feedbackUrl;

    @Option(names = "--corpus", description = "Corpus to train on when the registry is empty (default: $NHAN_HOME/data/corpus or data/corpus).")
    List<Path> corpora;

    @Option(names = "--taxonomy", description = "Taxonomy JSON (default: $NHAN_TAXONOMY, else data/taxonomy.json).")
    Path taxonomy;

    @Override
    public Integer call() throws Exception {
        ModelRegistry models = ModelRegistry.open(registry);
        try (RetrainLock lock = RetrainLock.acquire(models, "bootstrap", feedbackUrl)) {
            return bootstrap(models);
        } catch (RetrainLock.HeldException e) {
            System.err.println("nhan bootstrap: " + e.getMessage());
            return RetrainCommand.LOCKED;
        }
    }

    /**
     * What {@code nhan serve} runs before serving a registry: the default model is trained into it
     * when it has no versions at all. Throws when that fails or another job holds the registry.
     */
    static void beforeServing(Path registry, String feedbackUrl) {
        BootstrapCommand command = new BootstrapCommand();
        command.registry = registry;
        command.feedbackUrl = feedbackUrl;
        int code;
        try {
            code = command.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        if (code != 0) {
            throw new IllegalStateException("registry " + registry + " is not ready to serve (bootstrap exited with " + code + ")");
        }
    }

    /** Trains only into a registry with no versions at all; one with versions but no current model is for a person to fix. */
    private int bootstrap(ModelRegistry models) throws Exception {
        Optional<String> current = models.currentVersion();
        if (current.isPresent()) {
            System.err.println("registry " + models.root() + " serves model " + current.get());
            return 0;
        }
        List<String> versions = models.versions();
        if (!versions.isEmpty()) {
            throw new IllegalStateException("registry " + models.root() + " has " + versions.size() + " versions but no current model; "
                    + "choose one with: bin/nhan models promote " + versions.get(versions.size() - 1) + " --registry " + models.root());
        }
        ConsoleProgress progress = new ConsoleProgress(System.err);
        progress.message("registry " + models.root() + " has no model yet: training the default model");
        Corpus corpus = TrainingJob.readAll(corpora != null ? corpora : List.of(Defaults.corpusPath()));
        Taxonomy labels = TrainingJob.taxonomy(taxonomy != null ? new TrainingJob.TaxonomySource.File(taxonomy)
                : new TrainingJob.TaxonomySource.Default(Defaults.taxonomyPath()), corpus);
        ModelBundle bundle = new TrainingJob(TrainingConfig.defaults(), progress).run(corpus, labels, models.stagingPath());
        String version = models.add(bundle.path());
        models.promote(version, "bootstrap: default model trained on " + corpus.documents().size() + " documents");
        progress.message("registry " + models.root() + " now serves model " + version);
        return 0;
    }
}
