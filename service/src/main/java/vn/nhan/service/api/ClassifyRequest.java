package vn.nhan.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import vn.nhan.model.TagOptions;

/**
 * One article to classify: {@code text} (required, non-empty), optional {@code title}, and for the
 * single-article route the options {@code threshold} (0..1, replaces the per-label thresholds),
 * {@code top_k} (1..1000) and {@code explain}.
 */
public record ClassifyRequest(String id, String title, String text, Float threshold, Integer topK, boolean explain) {
    /** The tagging options this request asks for. */
    public TagOptions options() {
        return new TagOptions(threshold, topK == null ? Integer.MAX_VALUE : topK, explain, true);
    }

    private static final Set<String> SINGLE_FIELDS = Set.of("text", "title", "threshold", "top_k", "explain", "id");
    private static final Set<String> BATCH_FIELDS = Set.of("text", "title", "id");

    /** Parses the body of POST /v1/classify. */
    public static ClassifyRequest single(JsonNode body) {
        return parse(body, "", SINGLE_FIELDS);
    }

    /** Parses documents[i] of a batch; {@code where} prefixes messages ("documents[3].") */
    public static ClassifyRequest document(JsonNode node, String where) {
        if (!node.isObject()) {
            throw ApiError.badRequest(where.replaceAll("\\.$", "") + " must be an object {\"id\", \"title\", \"text\"}");
        }
        return parse(node, where, BATCH_FIELDS);
    }

    private static ClassifyRequest parse(JsonNode body, String where, Set<String> allowed) {
        body.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw ApiError.badRequest(where + f + " is not a known field (known: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        });
        String text = string(body, "text", where);
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest(where + "text is required and must be a non-empty string");
        }
        String title = string(body, "title", where);
        JsonNode idNode = body.get("id");
        String id = null;
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual() && !idNode.isIntegralNumber()) {
                throw ApiError.badRequest(where + "id must be a string or an integer");
            }
            id = idNode.asText();
        }
        Float threshold = null;
        JsonNode t = body.get("threshold");
        if (t != null && !t.isNull()) {
            if (!t.isNumber() || !(t.asDouble() >= 0 && t.asDouble() <= 1)) {
                throw ApiError.badRequest(where + "threshold must be a number between 0 and 1, got " + t);
            }
            threshold = (float) t.asDouble();
        }
        Integer topK = null;
        JsonNode k = body.get("top_k");
        if (k != null && !k.isNull()) {
            if (!k.isIntegralNumber() || k.asLong() < 1 || k.asLong() > 1000) {
                throw ApiError.badRequest(where + "top_k must be an integer between 1 and 1000, got " + k);
            }
            topK = k.asInt();
        }
        JsonNode e = body.get("explain");
        if (e != null && !e.isNull() && !e.isBoolean()) {
            throw ApiError.badRequest(where + "explain must be true or false, got " + e);
        }
        return new ClassifyRequest(id, title, text, threshold, topK, e != null && e.asBoolean());
    }

    private static String string(JsonNode body, String field, String where) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiError.badRequest(where + field + " must be a string, got " + node.getNodeType().toString().toLowerCase());
        }
        return node.asText();
    }
}
