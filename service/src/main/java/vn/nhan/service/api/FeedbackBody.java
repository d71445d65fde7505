package vn.nhan.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The body of POST /v1/feedback as sent, bound by {@link RequestBinding}; {@link FeedbackRoutes} checks it against the taxonomy and the caps. */
record FeedbackBody(JsonNode id, String title, String text, List<String> labels, List<String> predicted,
                    @JsonProperty("override_base") Boolean overrideBase) {
}
