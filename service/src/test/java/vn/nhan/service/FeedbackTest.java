package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.ApiKey;
import vn.nhan.feedback.Feedback;
import vn.nhan.feedback.FeedbackStore;

/**
 * Editors' corrections: only key holders may send or list them, each is stored durably with the
 * editor's name and acknowledged with 201, checked against the taxonomy, capped in size, and listed
 * a page at a time.
 */
class FeedbackTest {
    static final String TOKEN = "feedback-admin";
    @TempDir
    static Path dir;
    static HttpService server;
    static Http http;
    static String url;
    static String editorKey;
    static String adminKey;
    static String revokedKey;

    @BeforeAll
    static void start() throws Exception {
        url = FeedbackStore.sqliteUrl(dir);
        try (FeedbackStore store = FeedbackStore.open(url)) {
            editorKey = store.keys().add("lan", ApiKey.Role.EDITOR);
            adminKey = store.keys().add("minh", ApiKey.Role.ADMIN);
            revokedKey = store.keys().add("former", ApiKey.Role.EDITOR);
            assertTrue(store.keys().revoke("former"));
        }
        ServiceConfig base = ServiceConfig.forBundle(TestModels.save(dir.resolve("model")).path()).withAdminToken(TOKEN);
        server = HttpService.start(new ServiceConfig(base.host(), 0, base.model(), null, TOKEN, base.maxBatch(), base.maxBodyBytes(),
                base.registryPoll(), base.shutdownGrace(), url));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Http.Response post(String key, Map<String, Object> body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.uri("/v1/feedback")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Http.json(body), StandardCharsets.UTF_8));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.request(b);
    }

    static Http.Response get(String key, String query) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.uri("/v1/feedback" + query))).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.request(b);
    }

    static Map<String, Object> correction(String id) {
        return Map.of("id", id, "title", "Sơ kết", "text", "Hội nghị sơ kết 6 tháng.", "labels", List.of("review-conference"));
    }

    @Test
    void anAnonymousPostIsRefusedWith401AndNothingIsStored() throws Exception {
        Http.Response r = post(null, correction("anon-1"));
        assertEquals(401, r.status(), r.body());
        assertEquals("unauthorized", r.json().get("error").get("code").asText());
        assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, post("nhan_AAAAAAAAAAAA_" + "B".repeat(43), correction("anon-2")).status());
        assertEquals(401, post("not-a-key", correction("anon-3")).status());
        try (FeedbackStore store = FeedbackStore.open(url)) {
            assertFalse(store.since(Instant.EPOCH).stream().anyMatch(f -> f.documentId().startsWith("anon-")));
        }
    }

    @Test
    void aRevokedKeyIsRefusedWith403() {
        Http.Response r = post(revokedKey, correction("revoked-1"));
        assertEquals(403, r.status(), r.body());
        assertEquals("key_revoked", r.json().get("error").get("code").asText());
        assertTrue(r.json().get("error").get("message").asText().contains("'former'"), r.body());
        assertFalse(r.body().contains(revokedKey));
    }

    @Test
    void anEditorsCorrectionIsStoredWithTheEditorsNameAndAcknowledgedWith201() throws Exception {
        Http.Response r = post(editorKey, Map.of("id", "art-1", "title", "Sơ kết", "text", "Hội nghị sơ kết 6 tháng.",
                "labels", List.of("review-conference", "public-opinion"), "predicted", List.of("review-conference")));
        assertEquals(201, r.status(), r.body());
        assertEquals("lan", r.json().get("editor").asText());
        long id = r.json().get("id").asLong();
        try (FeedbackStore store = FeedbackStore.open(url)) {
            Feedback stored = store.since(Instant.EPOCH).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
            assertEquals("art-1", stored.documentId());
            assertEquals("lan", stored.editor());
            assertFalse(stored.overrideBase());
            assertEquals(List.of("review-conference", "public-opinion"), stored.labels());
            assertEquals(List.of("review-conference"), stored.predicted());
            assertTrue(stored.modelVersion() != null && !stored.modelVersion().isEmpty());
        }
        JsonNode listed = get(editorKey, "?limit=1000").json().get("feedback");
        boolean found = false;
        for (JsonNode f : listed) {
            if (f.get("id").asLong() == id) {
                assertEquals("lan", f.get("editor").asText());
                found = true;
            }
        }
        assertTrue(found, listed.toString());
    }

    @Test
    void theAdminTokenStillWorksAsTheBootstrapAdmin() {
        Http.Response r = post(TOKEN, correction("token-1"));
        assertEquals(201, r.status(), r.body());
        assertEquals("admin-token", r.json().get("editor").asText());
    }

    @Test
    void aBaseCorpusOverrideIsRefusedWithoutAnAdminKey() {
        Map<String, Object> body = new java.util.HashMap<>(correction("base-override"));
        body.put("override_base", true);
        Http.Response editor = post(editorKey, body);
        assertEquals(403, editor.status(), editor.body());
        assertTrue(editor.json().get("error").get("message").asText().contains("needs an admin key"), editor.body());
        Http.Response admin = post(adminKey, body);
        assertEquals(201, admin.status(), admin.body());
        assertEquals("minh", admin.json().get("editor").asText());
        assertEquals(400, post(adminKey, Map.of("id", "x", "text", "abc", "labels", List.of(), "override_base", "yes")).status());
    }

    @Test
    void labelsOutsideTheTaxonomyOrGivenTwiceAre400() {
        Http.Response r = post(editorKey, Map.of("id", "x", "text", "abc", "labels", List.of("culture-arts", "sports")));
        assertEquals(400, r.status());
        assertTrue(r.json().get("error").get("message").asText().startsWith("labels[1] 'sports' is not in the taxonomy (known: review-conference"), r.body());
        Http.Response twice = post(editorKey, Map.of("id", "x", "text", "abc", "labels", List.of("culture-arts", "culture-arts")));
        assertEquals(400, twice.status());
        assertEquals("labels[1] 'culture-arts' is given twice", twice.json().get("error").get("message").asText());
        Http.Response predicted = post(editorKey, Map.of("id", "x", "text", "abc", "labels", List.of(), "predicted", List.of("nonsense")));
        assertEquals(400, predicted.status());
        assertTrue(predicted.json().get("error").get("message").asText().startsWith("predicted[0] 'nonsense' is not in the taxonomy"), predicted.body());
        assertEquals(400, post(editorKey, Map.of("id", "x", "text", "abc")).status());
        assertEquals(400, post(editorKey, Map.of("text", "abc", "labels", List.of())).status());
        assertEquals(400, post(editorKey, Map.of("id", "x", "text", "abc", "labels", "culture-arts")).status());
    }

    @Test
    void oversizedTextTitleAndIdAre413() {
        String big = "chữ ".repeat(EditorsConfig.DEFAULT_MAX_TEXT_CHARS / 4 + 1);
        Http.Response text = post(editorKey, Map.of("id", "big", "text", big, "labels", List.of()));
        assertEquals(413, text.status(), text.body());
        assertTrue(text.json().get("error").get("message").asText().startsWith("text has " + big.length() + " characters; at most 100000"), text.body());
        assertEquals(413, post(editorKey, Map.of("id", "big", "title", "t".repeat(1001), "text", "abc", "labels", List.of())).status());
        assertEquals(413, post(editorKey, Map.of("id", "i".repeat(201), "text", "abc", "labels", List.of())).status());
    }

    @Test
    void listingNeedsAKeyFiltersByDateAndPages() {
        for (int i = 0; i < 5; i++) {
            assertEquals(201, post(editorKey, Map.of("id", "page-" + i, "text", "Giá lúa tăng.", "labels", List.of())).status());
        }
        assertEquals(401, get(null, "").status());
        Http.Response all = get(editorKey, "?since=2020-01-01&limit=1000");
        assertEquals(200, all.status(), all.body());
        assertTrue(all.json().get("feedback").toString().contains("page-4"));
        Set<Long> seen = new HashSet<>();
        long after = 0;
        int pages = 0;
        while (true) {
            JsonNode page = get(editorKey, "?limit=2&after=" + after).json();
            for (JsonNode f : page.get("feedback")) {
                assertTrue(f.get("id").asLong() > after);
                assertTrue(seen.add(f.get("id").asLong()), "listed twice: " + f);
            }
            pages++;
            if (page.get("next_after").isNull()) {
                break;
            }
            after = page.get("next_after").asLong();
            assertTrue(pages < 100, "paging does not end");
        }
        assertEquals(all.json().get("feedback").size(), seen.size());
        assertEquals(0, get(editorKey, "?since=2999-01-01").json().get("feedback").size());
        assertEquals(400, get(editorKey, "?since=yesterday").status());
        assertEquals(400, get(editorKey, "?limit=0").status());
        assertEquals(400, get(editorKey, "?limit=1001").status());
        assertEquals(400, get(editorKey, "?after=-1").status());
        assertEquals(400, get(editorKey, "?limit=18446744073709551617").status());
    }

    @Test
    void theReviewQueueNeedsAKeyAndListsClassifiedArticlesLeastCertainFirst() throws Exception {
        assertEquals(200, http.postJson("/v1/classify", Http.json(Map.of("id", "rq-1", "title", "Hội nghị sơ kết",
                "text", "Ban Tuyên giáo Tỉnh ủy họp sơ kết công tác tuyên giáo sáu tháng đầu năm."))).status());
        assertEquals(200, http.postJson("/v1/classify", Http.json(Map.of("text", "Giá vàng SJC sáng nay tăng 200 nghìn đồng mỗi lượng."))).status());
        assertEquals(401, http.get("/v1/review").status());
        assertTrue(server.drainReviewQueue(java.time.Duration.ofSeconds(30)), "the review queue stores what was classified");
        Http.Response reviewed = http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/review?limit=50"))).header("Authorization", "Bearer " + editorKey).GET());
        assertEquals(200, reviewed.status(), reviewed.body());
        JsonNode articles = reviewed.json().get("articles");
        assertTrue(articles.size() >= 2, String.valueOf(articles));
        for (int i = 1; i < articles.size(); i++) {
            assertTrue(articles.get(i - 1).get("margin").asDouble() <= articles.get(i).get("margin").asDouble(), articles.toString());
        }
        assertTrue(articles.toString().contains("rq-1"), articles.toString());
        Http.Response bad = http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/review?limit=0"))).header("Authorization", "Bearer " + editorKey).GET());
        assertEquals(400, bad.status());
    }

    @Test
    void classificationStaysOpenByDefault() {
        assertEquals(200, http.postJson("/v1/classify", Http.json(Map.of("text", "Giá vàng hôm nay tăng mạnh."))).status());
    }
}
