package vn.nhan.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ordered set of labels a model predicts. Immutable. */
public final class Taxonomy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Label> labels;
    private final Map<String, Integer> index = new LinkedHashMap<>();

    public Taxonomy(List<Label> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a taxonomy needs at least one label");
        }
        this.labels = List.copyOf(labels);
        for (int i = 0; i < labels.size(); i++) {
            if (index.put(labels.get(i).id(), i) != null) {
                throw new IllegalArgumentException("label id '" + labels.get(i).id() + "' appears twice in the taxonomy");
            }
        }
    }

    /** A taxonomy whose names are the ids, for corpora that bring their own label set. */
    public static Taxonomy ofIds(Collection<String> ids) {
        return new Taxonomy(ids.stream().map(id -> new Label(id, id, "", "")).toList());
    }

    /** Reads {@code [{"id", "name", "group", "description"}, ...]}. */
    public static Taxonomy read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": the taxonomy is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + ": expected a JSON array of {id, name, group, description}");
        }
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode node = root.get(i);
            if (!node.hasNonNull("id") || !node.get("id").isTextual()) {
                throw new IOException(file + ": entry " + i + " has no string \"id\"");
            }
            labels.add(new Label(node.get("id").asText(), text(node, "name"), text(node, "group"), text(node, "description")));
        }
        try {
            return new Taxonomy(labels);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    public List<Label> labels() {
        return labels;
    }

    public List<String> ids() {
        return labels.stream().map(Label::id).toList();
    }

    public int size() {
        return labels.size();
    }

    /** The column of {@code id}, or -1. */
    public int indexOf(String id) {
        return index.getOrDefault(id, -1);
    }

    public Optional<Label> find(String id) {
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(labels.get(i));
    }

    public Label get(int i) {
        return labels.get(i);
    }

    /** The one wording of an unknown label: "'x' is not in the taxonomy (known: a, b, ...)"; callers put where it was in front. */
    public String notInTaxonomy(String label) {
        return "'" + label + "' is not in the taxonomy (known: " + String.join(", ", ids()) + ")";
    }

    /** The gold labels of a document as a row of booleans in taxonomy order. */
    public boolean[] encode(List<String> ids) {
        boolean[] row = new boolean[labels.size()];
        for (String id : ids) {
            int i = indexOf(id);
            if (i < 0) {
                throw new IllegalArgumentException("label " + notInTaxonomy(id));
            }
            row[i] = true;
        }
        return row;
    }
}
