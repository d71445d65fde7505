package vn.nhan.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The body of POST /v1/classify/batch as sent, bound by {@link RequestBinding}. */
record BatchBody(List<Document> documents) {
    /** One element of {@code documents}. */
    record Document(JsonNode id, String title, String text) {
    }
}
