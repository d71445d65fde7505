package vn.nhan.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import vn.nhan.model.TagOptions;

/**
 * One article to classify: {@code text} (required, non-empty), optional {@code title}, and for the
 * single-article route the options {@code threshold} (0..1, replaces the per-label thresholds),
 * {@code top_k} (1..1000) and {@code explain}; {@code truncated} once cut to the character limit.
 * The bodies are bound by {@link RequestBinding} ({@link ClassifyBody}, {@link BatchBody}) and
 * checked here.
 */
public record ClassifyRequest(String id, String title, String text, Float threshold, Integer topK, boolean explain, boolean truncated) {
    /**
     * This request with its title and text together cut to {@code maxChars} characters (never
     * inside a surrogate pair), marked {@code truncated} when anything was cut. The cut keeps the
     * start, so evidence offsets still point into the text that was sent.
     */
    public ClassifyRequest within(int maxChars) {
        int titleLength = title == null ? 0 : title.length();
        if (titleLength + text.length() <= maxChars) {
            return this;
        }
        String cutTitle = title == null ? null : cut(title, maxChars);
        String cutText = cut(text, maxChars - (cutTitle == null ? 0 : cutTitle.length()));
        return new ClassifyRequest(id, cutTitle, cutText, threshold, topK, explain, true);
    }

    /** This request answered under {@code newId}. */
    public ClassifyRequest withId(String newId) {
        return new ClassifyRequest(newId, title, text, threshold, topK, explain, truncated);
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The tagging options this request asks for. */
    public TagOptions options() {
        return new TagOptions(threshold, topK == null ? Integer.MAX_VALUE : topK, explain, true);
    }

    /** Binds and checks the body of POST /v1/classify. */
    public static ClassifyRequest single(JsonNode body) {
        ClassifyBody b = RequestBinding.bind(body, ClassifyBody.class);
        return checked("", b.id(), b.title(), b.text(), b.threshold(), b.topK(), b.explain());
    }

    /** Binds and checks the body of POST /v1/classify/batch: at most {@code maxBatch} documents. */
    public static List<ClassifyRequest> batch(JsonNode body, int maxBatch) {
        BatchBody b = RequestBinding.bind(body, BatchBody.class);
        if (b.documents() == null) {
            throw ApiError.badRequest("documents is required and must be an array of {\"id\", \"title\", \"text\"}");
        }
        if (b.documents().size() > maxBatch) {
            throw new ApiError(413, "batch_too_large", "the batch has " + b.documents().size() + " documents, more than the maximum of " + maxBatch);
        }
        List<ClassifyRequest> out = new ArrayList<>(b.documents().size());
        for (int i = 0; i < b.documents().size(); i++) {
            BatchBody.Document d = b.documents().get(i);
            String where = "documents[" + i + "]";
            if (d == null) {
                throw ApiError.badRequest(where + " must be an object {\"id\", \"title\", \"text\"}");
            }
            out.add(checked(where + ".", d.id(), d.title(), d.text(), null, null, null));
        }
        return out;
    }

    /** The checks binding cannot make: text present, id's type, the ranges; {@code where} prefixes messages ("documents[3]."). */
    private static ClassifyRequest checked(String where, JsonNode idNode, String title, String text, Double threshold, Integer topK, Boolean explain) {
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest(where + "text is required and must be a non-empty string");
        }
        String id = null;
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual() && !idNode.isIntegralNumber()) {
                throw ApiError.badRequest(where + "id must be a string or an integer, got " + idNode);
            }
            id = idNode.asText();
        }
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw ApiError.badRequest(where + "threshold must be a number between 0 and 1, got " + threshold);
        }
        if (topK != null && (topK < 1 || topK > 1000)) {
            throw ApiError.badRequest(where + "top_k must be an integer between 1 and 1000, got " + topK);
        }
        return new ClassifyRequest(id, title, text, threshold == null ? null : threshold.floatValue(), topK, Boolean.TRUE.equals(explain), false);
    }
}
