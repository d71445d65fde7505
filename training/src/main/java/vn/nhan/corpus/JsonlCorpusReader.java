package vn.nhan.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.nhan.data.Document;

/**
 * Reads JSON Lines: one {@code {"id", "title", "text", "labels"}} object a line ({@code title}
 * optional, {@code labels} possibly empty). Blank lines are skipped, and so is a byte-order mark
 * at the start; anything after the object on a line is an error.
 */
public final class JsonlCorpusReader {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonlCorpusReader() {
    }

    /** Lines parsed in parallel at a time. */
    private static final int BATCH = 4096;

    /**
     * Reads every document; {@code requireLabels} makes a missing "labels" array an error. Lines
     * are read in order and parsed on all cores, a batch at a time; the error reported is the one
     * of the first bad line, as when parsing one line after another.
     */
    public static List<Document> read(BufferedReader in, Path file, boolean requireLabels) throws IOException {
        List<Document> docs = new ArrayList<>();
        List<String> lines = new ArrayList<>(BATCH);
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // UTF-8 byte-order mark, as Windows editors write it
            }
            lines.add(line);
            if (lines.size() == BATCH) {
                parseBatch(lines, number - lines.size() + 1, file, requireLabels, docs);
                lines.clear();
            }
        }
        parseBatch(lines, number - lines.size() + 1, file, requireLabels, docs);
        return docs;
    }

    /** Parses {@code lines} (the first is line {@code first}) in parallel and adds their documents, in order, to {@code docs}. */
    private static void parseBatch(List<String> lines, int first, Path file, boolean requireLabels, List<Document> docs) throws CorpusException {
        Document[] parsed = new Document[lines.size()];
        CorpusException[] errors = new CorpusException[lines.size()];
        java.util.stream.IntStream.range(0, lines.size()).parallel().forEach(i -> {
            if (!lines.get(i).isBlank()) {
                try {
                    parsed[i] = parse(lines.get(i), file, first + i, requireLabels);
                } catch (CorpusException e) {
                    errors[i] = e;
                }
            }
        });
        for (int i = 0; i < parsed.length; i++) {
            if (errors[i] != null) {
                throw errors[i];
            }
            if (parsed[i] != null) {
                docs.add(parsed[i]);
            }
        }
    }

    /** Parses one line; {@code number} is its 1-based line number, for messages. */
    public static Document parse(String line, Path file, int number, boolean requireLabels) throws CorpusException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw CorpusException.notACorpusFormat(file, number, "malformed JSON: " + JsonErrors.plain(e));
        }
        if (node == null || !node.isObject()) {
            throw CorpusException.notACorpusFormat(file, number, "expected a JSON object {\"id\", \"title\", \"text\", \"labels\"}, got " + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
        String id = node.hasNonNull("id") && node.get("id").isValueNode() ? node.get("id").asText() : null;
        if (requireLabels && (id == null || id.isBlank())) {
            throw new CorpusException(file, number, "missing \"id\"");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new CorpusException(file, number, "missing or empty \"text\" (expected a non-empty string)");
        }
        JsonNode title = node.get("title");
        if (title != null && !title.isNull() && !title.isTextual()) {
            throw new CorpusException(file, number, "\"title\" must be a string, got " + title.getNodeType().toString().toLowerCase());
        }
        List<String> labels = new ArrayList<>();
        JsonNode labelNode = node.get("labels");
        if (labelNode == null || labelNode.isNull()) {
            if (requireLabels) {
                throw new CorpusException(file, number, "missing \"labels\" (expected an array of label ids, possibly empty)");
            }
        } else if (!labelNode.isArray()) {
            throw new CorpusException(file, number, "\"labels\" must be an array of strings, got " + labelNode.getNodeType().toString().toLowerCase());
        } else {
            for (int i = 0; i < labelNode.size(); i++) {
                if (!labelNode.get(i).isTextual()) {
                    throw new CorpusException(file, number, "labels[" + i + "] must be a string");
                }
                labels.add(labelNode.get(i).asText());
            }
        }
        return new Document(id == null ? "line-" + number : id, title == null || title.isNull() ? null : title.asText(),
                text.asText(), labels, file.getFileName() + ":" + number);
    }
}
