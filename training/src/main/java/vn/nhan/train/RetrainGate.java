package vn.nhan.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    public record Verdict(List<String> objections, Map<String, Object> evaluation) {
        public boolean promote() {
            return objections.isEmpty();
        }
    }

    public Verdict judge(Classifier champion, Classifier challenger, List<Document> test, List<Document> heldOut, List<Document> recent) {
        List<String> objections = new ArrayList<>();
        Map<String, Object> evaluation = new LinkedHashMap<>();
        MultiLabelEvaluation championTest = evaluate(champion, test);
        MultiLabelEvaluation challengerTest = evaluate(challenger, test);
        evaluation.put("test", Map.of("documents", test.size(), "champion", Headline.of(championTest),
                "challenger", Headline.of(challengerTest)));
        if (challengerTest.microF1() - championTest.microF1() < config.minGain() - 1e-12) {
            objections.add(String.format("test micro-F1 %.4f is below the champion's %.4f plus the min gain %.4f",
                    challengerTest.microF1(), championTest.microF1(), config.minGain()));
        }
        objections.addAll(labelDrops("test", championTest, challengerTest));
        if (heldOut.size() < config.minHeldOut()) {
            evaluation.put("held_out", Map.of("documents", heldOut.size(), "skipped",
                    "the held-out check starts at " + config.minHeldOut() + " held-out corrections; there are " + heldOut.size()));
        } else {
            MultiLabelEvaluation championHeld = evaluate(champion, heldOut);
            MultiLabelEvaluation challengerHeld = evaluate(challenger, heldOut);
            evaluation.put("held_out", Map.of("documents", heldOut.size(), "champion", Headline.of(championHeld),
                    "challenger", Headline.of(challengerHeld)));
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
        Map<String, Object> churnInfo = new LinkedHashMap<>();
        churnInfo.put("articles", watched.size());
        churnInfo.put("changed", changed);
        churnInfo.put("churn", churn);
        churnInfo.put("max_churn", config.maxChurn());
        churnInfo.put("approved", config.approve());
        evaluation.put("churn", churnInfo);
        if (churn > config.maxChurn() + 1e-12 && !config.approve()) {
            objections.add(String.format("the challenger changes the labels of %d of %d held-out and recent articles (%.1f%%, more than %.1f%%); "
                    + "approve the change explicitly to promote it", changed, watched.size(), 100 * churn, 100 * config.maxChurn()));
        }
        return new Verdict(objections, evaluation);
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
