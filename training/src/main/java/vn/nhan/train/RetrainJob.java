package vn.nhan.train;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import vn.nhan.bundle.BundleException;
import vn.nhan.bundle.Headline;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.corpus.Corpus;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.feedback.Feedback;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.feedback.RecentArticle;
import vn.nhan.model.Classifier;
import vn.nhan.model.ClassifierEvaluator;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.TrainingConfig;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.registry.RetrainLock;

/**
 * A scheduled retraining: sorts the editors' corrections ({@link FeedbackTriage}: copies of test
 * texts and unapproved replacements of base-corpus documents left out, one article in five held
 * out), trains a challenger with the champion's recorded configuration and taxonomy (except what
 * the command overrides), judges it against the champion ({@link RetrainGate}: the fixed test
 * split, the held-out corrections, the churn on held-out and recent articles) and promotes it only
 * when the gate has no objection. Holds the registry's job lock; every step is recorded in the
 * history, and the registry changes only by atomic renames, so a crash at any point leaves it
 * consistent.
 */
public final class RetrainJob {
    /** What the job decided. */
    public enum Outcome { PROMOTED, REFUSED }

    /** The decision, the versions involved and why. */
    public record Result(Outcome outcome, String challenger, String champion, String reason) {
    }

    /**
     * Everything a run needs. {@code taxonomy} null means the champion's taxonomy (the default file
     * for the first model); {@code overrides} changes the champion's configuration (the defaults for
     * the first model) only where the command asked.
     */
    public record Settings(Path registry, List<Path> corpora, Path test, TrainingJob.TaxonomySource taxonomy, Path defaultTaxonomy,
                           String feedbackUrl, Instant feedbackSince, GateConfig gate, UnaryOperator<TrainingConfig> overrides) {
    }

    private final Settings settings;
    private final ProgressListener progress;

    public RetrainJob(Settings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Result run() throws IOException {
        ModelRegistry registry = ModelRegistry.open(settings.registry());
        try (RetrainLock lock = RetrainLock.acquire(registry, "retrain", settings.feedbackUrl())) {
            registry.cleanStaging();
            return retrain(registry);
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof RetrainLock.HeldException)) {
                registry.record("failed", null, new Failed(String.valueOf(e.getMessage())));
            }
            throw e;
        }
    }

    private Result retrain(ModelRegistry registry) throws IOException {
        Optional<String> champion = registry.currentVersion();
        ModelBundle championBundle = champion.isPresent() ? ModelBundle.load(registry.bundlePath(champion.get())) : null;
        Corpus base = TrainingJob.readAll(settings.corpora());
        Taxonomy taxonomy = settings.taxonomy() != null || championBundle == null
                ? TrainingJob.taxonomy(settings.taxonomy() != null ? settings.taxonomy() : new TrainingJob.TaxonomySource.Default(settings.defaultTaxonomy()), base)
                : championBundle.classifier().taxonomy();
        TrainingConfig config = settings.overrides().apply(championBundle != null ? championConfig(championBundle) : TrainingConfig.defaults());
        List<Document> test = CorpusReader.read(settings.test()).documents();
        FeedbackStoreContents stored = feedback();
        FeedbackTriage triage = FeedbackTriage.of(stored.feedback(), base.documents(), test, taxonomy);
        triage.excluded().forEach(x -> progress.message("left out correction " + x.feedbackId() + " of " + x.documentId() + ": " + x.reason()));
        Corpus corpus = new Corpus(triage.training(), base.sources(), base.ownTaxonomy());
        registry.record("training", null, new Training(corpus.documents().size(), stored.feedback().size(), corpus.sources(),
                champion.orElse("defaults"), config, triage.summary()));
        ModelBundle challengerBundle = new TrainingJob(config, progress).run(corpus, taxonomy, registry.stagingPath());
        String challenger = registry.add(challengerBundle.path());
        Classifier challengerModel = ModelBundle.load(registry.bundlePath(challenger)).classifier();
        CorpusReader.checkLabels(test, challengerModel.taxonomy());
        if (champion.isEmpty()) {
            registry.record("evaluated", challenger, new FirstEvaluated(settings.test().toString(),
                    Headline.of(ClassifierEvaluator.evaluate(challengerModel, test).get(challengerModel.type()))));
            registry.promote(challenger, "first model of the registry");
            return new Result(Outcome.PROMOTED, challenger, null, "first model of the registry");
        }
        RetrainGate.Verdict verdict = new RetrainGate(settings.gate()).judge(championBundle.classifier(), challengerModel, test,
                triage.heldOut(), stored.recent());
        registry.record("evaluated", challenger, new Evaluated(settings.test().toString(), champion.get(), verdict.evaluation()));
        if (!verdict.promote()) {
            String reason = String.join("; ", verdict.objections());
            registry.record("refused", challenger, new Refused(champion.get(), reason));
            progress.message("refused " + challenger + ": " + reason + "; " + champion.get() + " keeps serving");
            return new Result(Outcome.REFUSED, challenger, champion.get(), reason);
        }
        String reason = "passed the gate: " + summary(verdict.evaluation());
        registry.promote(challenger, reason);
        progress.message("promoted " + challenger + ": " + reason);
        return new Result(Outcome.PROMOTED, challenger, champion.get(), reason);
    }

    private static TrainingConfig championConfig(ModelBundle champion) throws BundleException {
        TrainingConfig recorded = champion.manifest().trainingConfig();
        if (recorded == null) {
            throw new BundleException("the champion " + champion.version() + " records no training_config to retrain with");
        }
        return recorded;
    }

    private String summary(RetrainGate.Measured evaluation) {
        RetrainGate.Churn churn = evaluation.churn();
        return String.format("test micro-F1 %.4f against the champion's %.4f (min gain %.4f); churn %.3f of %d articles",
                evaluation.test().challenger().microF1(), evaluation.test().champion().microF1(), settings.gate().minGain(),
                churn.churn(), churn.articles());
    }

    /** The events a retrain adds to the registry's history. */
    private record Failed(String reason) { }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Training(int documents, int feedback, List<String> sources, String configurationFrom, TrainingConfig trainingConfig,
                            FeedbackTriage.Summary corrections) { }

    /** The first model of a registry, evaluated with nothing to compare it with. */
    private record FirstEvaluated(String test, Headline challenger) { }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Evaluated(String testSplit, String champion, @JsonUnwrapped RetrainGate.Measured gate) { }

    private record Refused(String champion, String reason) { }

    private record FeedbackStoreContents(List<Feedback> feedback, List<Document> recent) {
    }

    private FeedbackStoreContents feedback() throws IOException {
        if (settings.feedbackUrl() == null) {
            return new FeedbackStoreContents(List.of(), List.of());
        }
        try (FeedbackStore store = FeedbackStore.open(settings.feedbackUrl())) {
            List<Feedback> feedback = store.since(settings.feedbackSince() == null ? Instant.EPOCH : settings.feedbackSince());
            List<Document> recent = new ArrayList<>();
            for (RecentArticle a : store.recent()) {
                recent.add(new Document("recent#" + a.id(), a.title(), a.text(), List.of(), "recent"));
            }
            return new FeedbackStoreContents(feedback, recent);
        } catch (SQLException e) {
            throw new IOException("cannot read feedback from " + settings.feedbackUrl() + ": " + e.getMessage(), e);
        }
    }
}
