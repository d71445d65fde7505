package vn.nhan.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An editor's correction: the article ({@code documentId}, title, text), the labels it should have
 * and those the model predicted. {@code id} and {@code received} are set by the store.
 */
public record Feedback(long id, String documentId, String title, String text, List<String> labels, List<String> predicted,
                       String modelVersion, Instant received) {
    public Feedback {
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(text, "text must not be null");
        labels = List.copyOf(labels);
        predicted = predicted == null ? List.of() : List.copyOf(predicted);
    }
}
