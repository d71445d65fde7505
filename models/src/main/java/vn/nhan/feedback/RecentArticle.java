package vn.nhan.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An article the service classified, kept for the review queue: its text, the scores and labels
 * the model gave, and {@code margin}, the smallest distance of a score to its label's threshold
 * (the smaller, the less certain the model was).
 */
public record RecentArticle(long id, String documentId, String title, String text, Map<String, Double> scores, List<String> labels,
                            double margin, String modelVersion, Instant received) {
    public RecentArticle {
        Objects.requireNonNull(text, "text must not be null");
        scores = Map.copyOf(scores);
        labels = List.copyOf(labels);
    }
}
