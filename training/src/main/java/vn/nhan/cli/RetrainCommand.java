package vn.nhan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.registry.RetrainLock;
import vn.nhan.train.GateConfig;
import vn.nhan.train.RetrainJob;
import vn.nhan.train.TrainingJob;

/**
 * {@code nhan retrain}: trains a challenger with the champion's recorded configuration and taxonomy
 * (changed only by the options given) and promotes it only if it passes the two-part gate.
 */
@Command(name = "retrain", mixinStandardHelpOptions = true, defaultValueProvider = TrainingOptions.Defaults.class,
        description = {"Retrains on the base corpus, extra labelled files and editors' corrections (copies of test texts and unapproved",
                "replacements of base documents left out, one article in five held out), with the champion's configuration and",
                "taxonomy except for the options given. Promotes the challenger only if it is not worse on the fixed test split and",
                "on the held-out corrections, and changes few articles' labels. Exit codes, for schedulers:",
                "0 promoted, " + RetrainCommand.REFUSED + " refused (the champion keeps serving), " + RetrainCommand.LOCKED
                        + " another registry job is running, 1 failed, 2 usage error."})
final class RetrainCommand implements Callable<Integer> {
    static final int REFUSED = 3;
    static final int LOCKED = 4;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--registry", required = true, description = "Model registry directory.")
    Path registry;

    @Option(names = "--corpus", description = "Extra labelled corpora (repeatable), added to the base corpus.")
    List<Path> extra = new ArrayList<>();

    @Option(names = "--base-corpus", description = "The base corpus (default: $NHAN_HOME/data/corpus or data/corpus).")
    Path base;

    @Option(names = "--test", description = "The fixed test split both models are judged on (default: data/test beside the base corpus).")
    Path test;

    @Option(names = "--taxonomy", description = "Taxonomy JSON (default: the champion's taxonomy; for the first model $NHAN_TAXONOMY, else data/taxonomy.json).")
    Path taxonomy;

    @Option(names = "--feedback-url", defaultValue = "${env:NHAN_FEEDBACK_URL}", description = "JDBC URL of the feedback store (default: SQLite REGISTRY/feedback.db).")
    String feedbackUrl;

    @Option(names = "--feedback-since", description = "Use feedback received on or after this date (2026-01-31) or instant; default: all.")
    String feedbackSince;

    @Option(names = "--min-gain", description = "Required test micro-F1 gain over the champion, from -1 to 1 (default ${DEFAULT-VALUE}: not lower).")
    double minGain;

    @Option(names = "--max-label-drop", description = "Largest F1 drop allowed on any label, on the test split and the held-out corrections, 0 to 1 (default ${DEFAULT-VALUE}).")
    double maxLabelDrop;

    @Option(names = "--max-churn", description = "Largest share of held-out and recent articles whose labels may change, 0 to 1 (default ${DEFAULT-VALUE}).")
    double maxChurn;

    @Option(names = "--approve", description = "Promote even when more articles than --max-churn would change labels (a change an editor approved).")
    boolean approve;

    @CommandLine.Mixin
    TrainingOptions options;

    @Override
    public Integer call() throws Exception {
        GateConfig gate;
        try {
            gate = new GateConfig(minGain, maxLabelDrop, maxChurn, GateConfig.DEFAULT_MIN_HELD_OUT, approve);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path corpus = base != null ? base : Defaults.corpusPath();
        List<Path> corpora = new ArrayList<>();
        corpora.add(corpus);
        corpora.addAll(extra);
        Path testSplit = test != null ? test : corpus.toAbsolutePath().getParent().resolve("test");
        RetrainJob.Settings settings = new RetrainJob.Settings(registry, corpora, testSplit,
                taxonomy != null ? new TrainingJob.TaxonomySource.File(taxonomy) : null, Defaults.taxonomyPath(),
                feedbackUrl != null && !feedbackUrl.isBlank() ? feedbackUrl : FeedbackStore.sqliteUrl(registry),
                feedbackSince == null ? null : FeedbackStore.parseSince(feedbackSince), gate, options::apply);
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
