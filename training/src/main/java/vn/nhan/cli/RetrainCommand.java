package vn.nhan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.model.TrainingConfig;
import vn.nhan.registry.RetrainLock;
import vn.nhan.train.RetrainJob;
import vn.nhan.train.TrainingJob;

/** {@code nhan retrain}: trains a challenger and promotes it only if it is at least as good as the champion. */
@Command(name = "retrain", mixinStandardHelpOptions = true,
        description = {"Retrains on the base corpus, extra labelled files and editors' feedback; evaluates the challenger and the current",
                "model on the fixed test split; promotes the challenger only if it is not worse. Exit codes, for schedulers:",
                "0 promoted, " + RetrainCommand.REFUSED + " refused (the champion keeps serving), " + RetrainCommand.LOCKED
                        + " another retrain is running, 1 failed, 2 usage error."})
final class RetrainCommand implements Callable<Integer> {
    static final int REFUSED = 3;
    static final int LOCKED = 4;

    @Option(names = "--registry", required = true, description = "Model registry directory.")
    Path registry;

    @Option(names = "--corpus", description = "Extra labelled corpora (repeatable), added to the base corpus.")
    List<Path> extra = new ArrayList<>();

    @Option(names = "--base-corpus", description = "The base corpus (default: $NHAN_HOME/data/corpus or data/corpus).")
    Path base;

    @Option(names = "--test", description = "The fixed test split both models are judged on (default: data/test beside the base corpus).")
    Path test;

    @Option(names = "--taxonomy", description = "Taxonomy JSON (default: $NHAN_TAXONOMY, else data/taxonomy.json).")
    Path taxonomy;

    @Option(names = "--feedback-url", defaultValue = "${env:NHAN_FEEDBACK_URL}", description = "JDBC URL of the feedback store (default: SQLite REGISTRY/feedback.db).")
    String feedbackUrl;

    @Option(names = "--feedback-since", description = "Use feedback received on or after this date (2026-01-31) or instant; default: all.")
    String feedbackSince;

    @Option(names = "--min-gain", defaultValue = "0.0", description = "Required micro-F1 gain over the champion (default ${DEFAULT-VALUE}: not lower; negative allows a small drop).")
    double minGain;

    @Option(names = "--max-label-drop", defaultValue = "0.10", description = "Largest F1 drop allowed on any label (default ${DEFAULT-VALUE}).")
    double maxLabelDrop;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Path corpus = base != null ? base : Defaults.corpusPath();
        List<Path> corpora = new ArrayList<>();
        corpora.add(corpus);
        corpora.addAll(extra);
        Path testSplit = test != null ? test : corpus.toAbsolutePath().getParent().resolve("test");
        RetrainJob.Settings settings = new RetrainJob.Settings(registry, corpora, testSplit,
                taxonomy != null ? new TrainingJob.TaxonomySource.File(taxonomy) : new TrainingJob.TaxonomySource.Default(Defaults.taxonomyPath()),
                feedbackUrl != null && !feedbackUrl.isBlank() ? feedbackUrl : FeedbackStore.sqliteUrl(registry),
                feedbackSince == null ? null : FeedbackStore.parseSince(feedbackSince), minGain, maxLabelDrop, TrainingConfig.defaults().withSeed(seed));
        try {
            RetrainJob.Result result = new RetrainJob(settings, new ConsoleProgress(System.err)).run();
            System.out.println(result.outcome().name().toLowerCase() + " " + result.challenger()
                    + (result.champion() == null ? "" : " (champion " + result.champion() + ")") + ": " + result.reason());
            return result.outcome() == RetrainJob.Outcome.PROMOTED ? 0 : REFUSED;
        } catch (RetrainLock.HeldException e) {
            System.err.println("nhan retrain: " + e.getMessage());
            return LOCKED;
        }
    }
}
