package vn.nhan.train;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.nhan.bundle.Headline;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.corpus.Corpus;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.eval.LabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.feedback.Feedback;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.model.ClassifierEvaluator;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.TrainingConfig;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.registry.RetrainLock;

/**
 * A scheduled retraining: builds the training set (base corpus, extra labelled files, editors'
 * feedback overriding documents with the same id), trains a challenger, evaluates it and the
 * current model (champion) on the same fixed test split, and promotes the challenger only when its
 * micro-F1 is at least the champion's plus {@code minGain} and no label's F1 falls by more than
 * {@code maxLabelDrop}. Holds the registry's job lock; every step is recorded in the history, and
 * the registry changes only by atomic renames, so a crash at any point leaves it consistent.
 */
public final class RetrainJob {
    /** What the job decided. */
    public enum Outcome { PROMOTED, REFUSED }

    /** The decision, the versions involved and why. */
    public record Result(Outcome outcome, String challenger, String champion, String reason) {
    }

    /** Everything a run needs. */
    public record Settings(Path registry, List<Path> corpora, Path test, TrainingJob.TaxonomySource taxonomy, String feedbackUrl,
                           Instant feedbackSince, double minGain, double maxLabelDrop, TrainingConfig config) {
    }

    private final Settings settings;
    private final ProgressListener progress;

    public RetrainJob(Settings settings, ProgressListener progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public Result run() throws IOException {
        ModelRegistry registry = ModelRegistry.open(settings.registry());
        try (RetrainLock lock = RetrainLock.acquire(registry)) {
            registry.cleanStaging();
            return retrain(registry);
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof RetrainLock.HeldException)) {
                registry.record("failed", null, Map.of("reason", String.valueOf(e.getMessage())));
            }
            throw e;
        }
    }

    private Result retrain(ModelRegistry registry) throws IOException {
        Corpus base = TrainingJob.readAll(settings.corpora());
        List<Feedback> feedback = feedback();
        Corpus corpus = new Corpus(merge(base.documents(), feedback), base.sources(), base.ownTaxonomy());
        Taxonomy taxonomy = TrainingJob.taxonomy(settings.taxonomy(), corpus);
        List<Document> test = CorpusReader.read(settings.test()).documents();
        registry.record("training", null, Map.of("documents", corpus.documents().size(), "feedback", feedback.size(),
                "sources", corpus.sources()));
        ModelBundle challengerBundle = new TrainingJob(settings.config(), progress).run(corpus, taxonomy, registry.stagingPath());
        String challenger = registry.add(challengerBundle.path());
        Optional<String> champion = registry.currentVersion();
        MultiLabelEvaluation challengerScore = evaluate(ModelBundle.load(registry.bundlePath(challenger)), test);
        if (champion.isEmpty()) {
            registry.record("evaluated", challenger, Map.of("test", settings.test().toString(), "challenger", Headline.of(challengerScore)));
            registry.promote(challenger, "first model of the registry");
            return new Result(Outcome.PROMOTED, challenger, null, "first model of the registry");
        }
        MultiLabelEvaluation championScore = evaluate(ModelBundle.load(registry.bundlePath(champion.get())), test);
        Map<String, Object> evaluation = new LinkedHashMap<>();
        evaluation.put("test", settings.test().toString());
        evaluation.put("champion", champion.get());
        evaluation.put("champion_metrics", Headline.of(championScore));
        evaluation.put("challenger_metrics", Headline.of(challengerScore));
        registry.record("evaluated", challenger, evaluation);
        List<String> objections = objections(championScore, challengerScore);
        if (!objections.isEmpty()) {
            String reason = String.join("; ", objections);
            registry.record("refused", challenger, Map.of("champion", champion.get(), "reason", reason));
            progress.message("refused " + challenger + ": " + reason + "; " + champion.get() + " keeps serving");
            return new Result(Outcome.REFUSED, challenger, champion.get(), reason);
        }
        String reason = String.format("micro-F1 %.4f against the champion's %.4f (min gain %.4f)",
                challengerScore.microF1(), championScore.microF1(), settings.minGain());
        registry.promote(challenger, reason);
        progress.message("promoted " + challenger + ": " + reason);
        return new Result(Outcome.PROMOTED, challenger, champion.get(), reason);
    }

    /** Why the challenger may not replace the champion (empty when it may). */
    List<String> objections(MultiLabelEvaluation champion, MultiLabelEvaluation challenger) {
        List<String> out = new ArrayList<>();
        if (challenger.microF1() - champion.microF1() < settings.minGain() - 1e-12) {
            out.add(String.format("micro-F1 %.4f is below the champion's %.4f plus the min gain %.4f",
                    challenger.microF1(), champion.microF1(), settings.minGain()));
        }
        for (Map.Entry<String, LabelEvaluation> e : challenger.perLabel().entrySet()) {
            LabelEvaluation before = champion.perLabel().get(e.getKey());
            if (before != null && before.support() > 0 && before.f1() - e.getValue().f1() > settings.maxLabelDrop() + 1e-12) {
                out.add(String.format("%s F1 falls from %.3f to %.3f (more than %.2f)", e.getKey(), before.f1(), e.getValue().f1(), settings.maxLabelDrop()));
            }
        }
        return out;
    }

    private MultiLabelEvaluation evaluate(ModelBundle bundle, List<Document> test) throws IOException {
        CorpusReader.checkLabels(test, bundle.classifier().taxonomy());
        return ClassifierEvaluator.evaluate(bundle.classifier(), test).get(bundle.classifier().type());
    }

    private List<Feedback> feedback() throws IOException {
        if (settings.feedbackUrl() == null) {
            return List.of();
        }
        try (FeedbackStore store = FeedbackStore.open(settings.feedbackUrl())) {
            return store.since(settings.feedbackSince() == null ? Instant.EPOCH : settings.feedbackSince());
        } catch (SQLException e) {
            throw new IOException("cannot read feedback from " + settings.feedbackUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The corpus with feedback applied: a correction replaces the document with the same id; the latest wins. */
    static List<Document> merge(List<Document> corpus, List<Feedback> feedback) {
        Map<String, Document> byId = new LinkedHashMap<>();
        corpus.forEach(d -> byId.put(d.id(), d));
        for (Feedback f : feedback) {
            byId.put(f.documentId(), new Document(f.documentId(), f.title(), f.text(), f.labels(), "feedback#" + f.id()));
        }
        return new ArrayList<>(byId.values());
    }
}
