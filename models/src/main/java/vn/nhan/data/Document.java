package vn.nhan.data;

import java.util.List;
import java.util.Objects;

/**
 * One article: a stable id, an optional title, the body text and its gold labels (possibly none).
 * {@code source} says where it was read ("corpus.jsonl:12") for error messages.
 */
public record Document(String id, String title, String text, List<String> labels, String source) {
    public Document {
        Objects.requireNonNull(id, "id must not be null");
        Objects.requireNonNull(text, "text must not be null");
        labels = List.copyOf(labels == null ? List.of() : labels);
        source = source == null ? id : source;
    }

    public Document(String id, String title, String text, List<String> labels) {
        this(id, title, text, labels, null);
    }

    public Document withLabels(List<String> newLabels) {
        return new Document(id, title, text, newLabels, source);
    }
}
