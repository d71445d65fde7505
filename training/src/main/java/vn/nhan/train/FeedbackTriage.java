package vn.nhan.train;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.feedback.Feedback;
import vn.nhan.feedback.FeedbackSplit;
import vn.nhan.text.TextNormalizer;

/**
 * Sorts editors' corrections before a retrain. The latest correction of an article wins. Never
 * used: a copy of a test-split text (test texts are never trained on), a correction of a
 * base-corpus id without an admin's override, labels outside the taxonomy. Of the rest, one article
 * in five (by a hash of its id) is held out to judge the models; the others are trained on, an
 * overridden base-corpus document replaced by its correction.
 */
public record FeedbackTriage(List<Document> training, List<Document> heldOut, List<Exclusion> excluded) {
    /** A correction left out of training, and why. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Exclusion(long feedbackId, String documentId, String reason) { }

    /** What the history records: counts, and the first exclusions with their reasons. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(int trainingDocuments, int heldOut, int excluded, List<Exclusion> exclusions) { }

    public static FeedbackTriage of(List<Feedback> feedback, List<Document> base, List<Document> test, Taxonomy taxonomy) {
        TextNormalizer normalizer = TextNormalizer.standard();
        Set<String> testTexts = new HashSet<>();
        test.forEach(d -> testTexts.add(normalizer.normalize(d.text())));
        Set<String> baseIds = new HashSet<>();
        base.forEach(d -> baseIds.add(d.id()));
        Map<String, Feedback> latest = new LinkedHashMap<>();
        feedback.forEach(f -> latest.put(f.documentId(), f));
        List<Document> replacements = new ArrayList<>();
        List<Document> heldOut = new ArrayList<>();
        List<Exclusion> excluded = new ArrayList<>();
        for (Feedback f : latest.values()) {
            String unknown = f.labels().stream().filter(l -> taxonomy.indexOf(l) < 0).findFirst().orElse(null);
            if (testTexts.contains(normalizer.normalize(f.text()))) {
                excluded.add(new Exclusion(f.id(), f.documentId(), "its text is a copy of a test-split document (test texts are never trained on)"));
            } else if (baseIds.contains(f.documentId()) && !f.overrideBase()) {
                excluded.add(new Exclusion(f.id(), f.documentId(), "its id is a base-corpus document's; replacing it needs an admin's override"));
            } else if (unknown != null) {
                excluded.add(new Exclusion(f.id(), f.documentId(), "label " + taxonomy.notInTaxonomy(unknown)));
            } else {
                Document d = new Document(f.documentId(), f.title(), f.text(), f.labels(), "feedback#" + f.id());
                if (!baseIds.contains(f.documentId()) && FeedbackSplit.isHeldOut(f.documentId())) {
                    heldOut.add(d);
                } else {
                    replacements.add(d);
                }
            }
        }
        Map<String, Document> byId = new LinkedHashMap<>();
        base.forEach(d -> byId.put(d.id(), d));
        replacements.forEach(d -> byId.put(d.id(), d));
        return new FeedbackTriage(new ArrayList<>(byId.values()), heldOut, excluded);
    }

    /** What the history records: counts, and the first 200 exclusions with their reasons. */
    public Summary summary() {
        return new Summary(training.size(), heldOut.size(), excluded.size(), excluded.stream().limit(200).toList());
    }
}
