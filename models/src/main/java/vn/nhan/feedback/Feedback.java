package vn.nhan.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An editor's correction: the article ({@code documentId}, title, text), the labels it should have
 * and those the model predicted, the editor who sent it, and whether an admin allowed it to
 * replace a base-corpus document with the same id ({@code overrideBase}). {@code id} and
 * {@code received} are set by the store.
 */
public record Feedback(long id, String documentId, String title, String text, List<String> labels, List<String> predicted,
                       String modelVersion, String editor, boolean overrideBase, Instant received) {
    public Feedback {
        Objects.requireNonNull(documentId, "documentId must not be null");
        Objects.requireNonNull(text, "text must not be null");
        labels = List.copyOf(labels);
        predicted = predicted == null ? List.of() : List.copyOf(predicted);
    }

    /** A correction not yet stored. */
    public static Feedback of(String documentId, String title, String text, List<String> labels, List<String> predicted,
                              String modelVersion, String editor) {
        return new Feedback(0, documentId, title, text, labels, predicted, modelVersion, editor, false, null);
    }

    public Feedback withOverrideBase(boolean override) {
        return new Feedback(id, documentId, title, text, labels, predicted, modelVersion, editor, override, received);
    }
}
