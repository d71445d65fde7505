package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.Feedback;
import vn.nhan.feedback.FeedbackStore;

/** Editors' corrections: stored durably with 201, checked against the taxonomy, listed with the admin token. */
class FeedbackTest {
    static final String TOKEN = "feedback-admin";
    @TempDir
    static Path dir;
    static NhanServer server;
    static Http http;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        url = FeedbackStore.sqliteUrl(dir);
        ServiceConfig base = ServiceConfig.forBundle(TestModels.save(dir.resolve("model")).path()).withAdminToken(TOKEN);
        server = NhanServer.start(new ServiceConfig(base.host(), 0, base.model(), null, TOKEN, base.maxBatch(), base.maxBodyBytes(),
                base.registryPoll(), base.shutdownGrace(), url));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCorrectionIsStoredAndAcknowledgedWith201() throws Exception {
        Http.Response r = http.postJson("/v1/feedback", Http.json(Map.of("id", "art-1", "title", "Sơ kết", "text", "Hội nghị sơ kết 6 tháng.",
                "labels", List.of("review-conference", "public-opinion"), "predicted", List.of("review-conference"))));
        assertEquals(201, r.status(), r.body());
        long id = r.json().get("id").asLong();
        try (FeedbackStore store = FeedbackStore.open(url)) {
            Feedback stored = store.since(Instant.EPOCH).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
            assertEquals("art-1", stored.documentId());
            assertEquals(List.of("review-conference", "public-opinion"), stored.labels());
            assertEquals(List.of("review-conference"), stored.predicted());
            assertTrue(stored.modelVersion() != null && !stored.modelVersion().isEmpty());
        }
    }

    @Test
    void labelsOutsideTheTaxonomyAre400() {
        Http.Response r = http.postJson("/v1/feedback", Http.json(Map.of("id", "x", "text", "abc", "labels", List.of("culture-arts", "sports"))));
        assertEquals(400, r.status());
        assertTrue(r.json().get("error").get("message").asText().startsWith("labels[1] 'sports' is not in the taxonomy (known: review-conference"), r.body());
        assertEquals(400, http.postJson("/v1/feedback", Http.json(Map.of("id", "x", "text", "abc"))).status());
        assertEquals(400, http.postJson("/v1/feedback", Http.json(Map.of("text", "abc", "labels", List.of()))).status());
        assertEquals(400, http.postJson("/v1/feedback", Http.json(Map.of("id", "x", "text", "abc", "labels", "culture-arts"))).status());
    }

    @Test
    void listingNeedsTheAdminTokenAndFiltersByDate() {
        http.postJson("/v1/feedback", Http.json(Map.of("id", "art-2", "text", "Giá lúa tăng.", "labels", List.of())));
        assertEquals(401, http.get("/v1/feedback").status());
        Http.Response all = http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/feedback?since=2020-01-01"))).header("Authorization", "Bearer " + TOKEN).GET());
        assertEquals(200, all.status(), all.body());
        JsonNode items = all.json().get("feedback");
        assertTrue(items.size() >= 1);
        assertTrue(items.toString().contains("art-2"));
        Http.Response future = http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/feedback?since=2999-01-01"))).header("Authorization", "Bearer " + TOKEN).GET());
        assertEquals(0, future.json().get("feedback").size());
        Http.Response bad = http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/feedback?since=yesterday"))).header("Authorization", "Bearer " + TOKEN).GET());
        assertEquals(400, bad.status());
    }
}
