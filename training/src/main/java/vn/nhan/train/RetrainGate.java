package vn.nhan.train;

import java.util.ArrayList;
import java.util.HashSet;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import vn.nhan.bundle.Headline;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.data.Document;
import vn.nhan.eval.LabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.model.Classifier;
import vn.nhan.model.ClassifierEvaluator;
import vn.nhan.model.Prediction;
import vn.nhan.model.TagOptions;
import vn.nhan.model.Tagger;

/**
 * Judges a challenger against the champion in two parts: on the fixed test split (our own writing)
 * and on the held-out corrections (real articles editors corrected, once there are enough of them),
 * then by churn, the share of held-out and recent articles whose labels the challenger would change.
 */
public final class RetrainGate {
    private final GateConfig config;

    public RetrainGate(GateConfig config) {
        this.config = config;
    }

    /** The verdict: the objections (none means promote) and everything measured, for the history. */
    public record Verdict(List<String> objections, Measured evaluation) {
        public boolean promote() {
            return objections.isEmpty();
        }
    }

    /** Everything the gate measured, as the history records it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Measured(Comparison test, Comparison heldOut, Churn churn) { }

    /** Champion and challenger on one set of articles; {@code skipped} says why they were not compared. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Comparison(int documents, Headline champion, Headline challenger, String skipped) {
        static Comparison of(int documents, MultiLabelEvaluation champion, MultiLabelEvaluation challenger) {
            return new Comparison(documents, Headline.of(champion), Headline.of(challenger), null);
        }
    }

    /** How many held-out and recent articles the challenger labels differently, against the limit. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Churn(int articles, int changed, double churn, double maxChurn, boolean approved) { }

    public Verdict judge(Classifier champion, Classifier challenger, List<Document> test, List<Document> heldOut, List<Document> recent) {
        List<String> objections = new ArrayList<>();
        MultiLabelEvaluation championTest = evaluate(champion, test);
        MultiLabelEvaluation challengerTest = evaluate(challenger, test);
        Comparison testComparison = Comparison.of(test.size(), championTest, challengerTest);
        if (challengerTest.microF1() - championTest.microF1() < config.minGain() - 1e-12) {
            objections.add(String.format("test micro-F1 %.4f is below the champion's %.4f plus the min gain %.4f",
                    challengerTest.microF1(), championTest.microF1(), config.minGain()));
        }
        objections.addAll(labelDrops("test", championTest, challengerTest));
        Comparison heldOutComparison;
        if (heldOut.size() < config.minHeldOut()) {
            heldOutComparison = new Comparison(heldOut.size(), null, null,
                    "the held-out check starts at " + config.minHeldOut() + " held-out corrections; there are " + heldOut.size());
        } else {
            MultiLabelEvaluation championHeld = evaluate(champion, heldOut);
            MultiLabelEvaluation challengerHeld = evaluate(challenger, heldOut);
            heldOutComparison = Comparison.of(heldOut.size(), championHeld, challengerHeld);
            if (challengerHeld.microF1() < championHeld.microF1() - 1e-12) {
                objections.add(String.format("held-out corrections micro-F1 %.4f is below the champion's %.4f",
                        challengerHeld.microF1(), championHeld.microF1()));
            }
            objections.addAll(labelDrops("held-out", championHeld, challengerHeld));
        }
        List<Document> watched = new ArrayList<>(heldOut);
        watched.addAll(recent);
        int changed = changedLabels(champion, challenger, watched);
        double churn = watched.isEmpty() ? 0 : (double) changed / watched.size();
        Churn churnInfo = new Churn(watched.size(), changed, churn, config.maxChurn(), config.approve());
        if (churn > config.maxChurn() + 1e-12 && !config.approve()) {
            objections.add(String.format("the challenger changes the labels of %d of %d held-out and recent articles (%.1f%%, more than %.1f%%); "
                    + "approve the change explicitly to promote it", changed, watched.size(), 100 * churn, 100 * config.maxChurn()));
        }
        return new Verdict(objections, new Measured(testComparison, heldOutComparison, churnInfo));
    }

    private List<String> labelDrops(String where, MultiLabelEvaluation champion, MultiLabelEvaluation challenger) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, LabelEvaluation> e : challenger.perLabel().entrySet()) {
            LabelEvaluation before = champion.perLabel().get(e.getKey());
            if (before != null && before.support() > 0 && before.f1() - e.getValue().f1() > config.maxLabelDrop() + 1e-12) {
                out.add(String.format("%s %s F1 falls from %.3f to %.3f (more than %.2f)", where, e.getKey(), before.f1(), e.getValue().f1(),
                        config.maxLabelDrop()));
            }
        }
        return out;
    }

    private static MultiLabelEvaluation evaluate(Classifier classifier, List<Document> documents) {
        return ClassifierEvaluator.evaluate(classifier, documents).get(classifier.type());
    }

    private static int changedLabels(Classifier champion, Classifier challenger, List<Document> documents) {
        List<Prediction> before = new Tagger(champion).tagAll(documents, TagOptions.defaults());
        List<Prediction> after = new Tagger(challenger).tagAll(documents, TagOptions.defaults());
        int changed = 0;
        for (int i = 0; i < documents.size(); i++) {
            if (!ids(before.get(i)).equals(ids(after.get(i)))) {
                changed++;
            }
        }
        return changed;
    }

    private static java.util.Set<String> ids(Prediction p) {
        java.util.Set<String> out = new HashSet<>();
        p.labels().forEach(l -> out.add(l.id()));
        return out;
    }
}
