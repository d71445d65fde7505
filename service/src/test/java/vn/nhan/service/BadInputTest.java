package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Everything a client can send wrong gets a JSON error with the right 4xx status, never a 500. */
class BadInputTest extends RunningServer {
    private static void assertError(Http.Response r, int status, String code, String messagePart) {
        assertEquals(status, r.status(), r.body());
        JsonNode error = r.json().get("error");
        assertEquals(code, error.get("code").asText(), r.body());
        assertTrue(error.get("message").asText().contains(messagePart), r.body());
    }

    @Test
    void malformedJsonIs400() {
        assertError(http.postJson("/v1/classify", "{\"text\": \"abc\""), 400, "bad_request", "malformed JSON");
        assertError(http.postJson("/v1/classify", "{\"text\": \"a\"} {}"), 400, "bad_request", "malformed JSON");
        assertError(http.postJson("/v1/classify", ""), 400, "bad_request", "empty");
        assertError(http.postJson("/v1/classify", "[1, 2]"), 400, "bad_request", "expected a JSON object");
        assertError(http.postJson("/v1/classify", "[".repeat(5000)), 400, "bad_request", "malformed JSON");
    }

    @Test
    void wrongTypesAndMissingOrEmptyTextAre400() {
        assertError(http.postJson("/v1/classify", "{\"text\": 5}"), 400, "bad_request", "text must be a string");
        assertError(http.postJson("/v1/classify", "{\"title\": \"x\"}"), 400, "bad_request", "text is required");
        assertError(http.postJson("/v1/classify", "{\"text\": \"   \"}"), 400, "bad_request", "text is required");
        assertError(http.postJson("/v1/classify", "{\"text\": \"a\", \"threshold\": 2}"), 400, "bad_request", "threshold must be a number between 0 and 1");
        assertError(http.postJson("/v1/classify", "{\"text\": \"a\", \"top_k\": \"3\"}"), 400, "bad_request", "top_k must be an integer");
        assertError(http.postJson("/v1/classify", "{\"text\": \"a\", \"explain\": \"yes\"}"), 400, "bad_request", "explain must be true or false");
        assertError(http.postJson("/v1/classify", "{\"txt\": \"a\"}"), 400, "bad_request", "txt is not a known field");
        assertError(http.postJson("/v1/classify/batch", "{\"documents\": {}}"), 400, "bad_request", "documents must be an array of {\"id\", \"title\", \"text\"}, got an object");
        assertError(http.postJson("/v1/classify/batch", "{}"), 400, "bad_request", "documents is required and must be an array");
        assertError(http.postJson("/v1/classify/batch", "{\"documents\": [{\"text\": \"a\"}, {\"text\": 1}]}"), 400, "bad_request", "documents[1].text must be a string");
        assertError(http.postJson("/v1/classify/batch", "{\"documents\": [\"a\"]}"), 400, "bad_request", "documents[0] must be an object");
    }

    @Test
    void aNonJsonContentTypeIs415() {
        assertError(http.post("/v1/classify", "text/plain", "{\"text\": \"a\"}".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type", "application/json");
        assertError(http.post("/v1/classify", null, "{\"text\": \"a\"}".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type", "application/json");
    }

    @Test
    void aBodyOverTheLimitIs413EvenWhenChunked() {
        String big = "{\"text\": \"" + "a ".repeat(600_000) + "\"}";
        assertError(http.postJson("/v1/classify", big), 413, "payload_too_large", "1048576 bytes");
        HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create(http.uri("/v1/classify"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));
        assertError(http.request(chunked), 413, "payload_too_large", "1048576 bytes");
    }

    @Test
    void aBatchOverItsMaximumIs413() {
        List<Map<String, Object>> docs = new ArrayList<>(Collections.nCopies(65, Map.of("text", "một bài báo")));
        assertError(http.postJson("/v1/classify/batch", Http.json(Map.of("documents", docs))), 413, "batch_too_large", "maximum of 64");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        assertError(http.get("/v2/classify"), 404, "not_found", "no route GET /v2/classify");
        assertError(http.get("/v1/classify"), 405, "method_not_allowed", "GET");
        assertError(http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/labels"))).DELETE()), 405, "method_not_allowed", "DELETE");
    }

    @Test
    void invalidUtf8Is400() {
        byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertError(http.post("/v1/classify", "application/json", body), 400, "bad_request", "not valid UTF-8");
    }

    @Test
    void strangeButValidTextGetsANormalAnswer() {
        List<String> texts = List.of(
                "nul\u0000byte\u0000 ở giữa câu",
                ".,;:!?-".repeat(120_000),
                "🇻🇳🎉 Chúc mừng năm mới 😀 đoàn công tác 👍",
                "Mixed scripts: Hà Nội 河内 Ханой هانوي हनोई",
                "quan triet nghi quyet dai hoi dang bo tinh lan thu XVI",
                "\u200B\u200B\u00A0\uFEFF",
                "\uD800 lone surrogate escaped");
        for (String text : texts) {
            Http.Response r = http.postJson("/v1/classify", Http.json(Map.of("text", text)));
            assertTrue(r.status() == 200 || r.status() == 400, r.status() + " for " + text.substring(0, Math.min(30, text.length())) + ": " + r.body());
            if (r.status() == 200) {
                assertEquals(15, r.json().get("scores").size());
            }
        }
    }
}
