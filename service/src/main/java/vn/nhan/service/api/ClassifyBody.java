package vn.nhan.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** The body of POST /v1/classify as sent, bound by {@link RequestBinding}; {@link ClassifyRequest} is it checked. */
record ClassifyBody(JsonNode id, String title, String text, Double threshold, @JsonProperty("top_k") Integer topK, Boolean explain) {
}
