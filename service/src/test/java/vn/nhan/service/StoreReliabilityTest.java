package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.feedback.SqliteTrouble;
import vn.nhan.feedback.StoreLimits;

/**
 * The service when its feedback database fails, against a real server on a free loopback port: a
 * store that cannot be opened at start, a database locked by another writer, and its file deleted
 * under the running service. Classification keeps working, the store's routes answer 503 with
 * Retry-After and a JSON reason (never 500, never a long wait), readiness reports the store as
 * degraded, and every 201 is a row in the database file in use. Prints the figures it measures
 * for docs/reliability.md.
 */
class StoreReliabilityTest {
    static final String TOKEN = "store-admin";
    static final StoreLimits QUICK = StoreLimits.DEFAULTS.withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(1000))
            .withRetryInterval(Duration.ofMillis(250));
    @TempDir
    static Path shared;
    static Path bundle;
    @TempDir
    Path dir;

    @BeforeAll
    static void model() {
        bundle = TestModels.save(shared.resolve("model")).path();
    }

    static HttpService start(String feedbackUrl) throws Exception {
        return HttpService.start(ServiceConfig.forBundle(bundle).withAdminToken(TOKEN).withFeedback(feedbackUrl, QUICK));
    }

    static Http.Response post(Http http, String id) {
        String body = Http.json(Map.of("id", id, "text", "Hội nghị sơ kết 6 tháng.", "labels", List.of("review-conference")));
        return http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/feedback"))).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    static Http.Response classify(Http http) {
        return http.postJson("/v1/classify", Http.json(Map.of("text", "Giá vàng hôm nay tăng mạnh.")));
    }

    static void assertUnavailable(Http.Response r, String code) {
        assertEquals(503, r.status(), r.body());
        assertTrue(r.headers().firstValue("Retry-After").isPresent(), "a 503 carries Retry-After");
        assertEquals(code, r.json().get("error").get("code").asText(), r.body());
    }

    static void assertNo500(Http http) {
        String metrics = http.get("/metrics").body();
        assertFalse(metrics.contains("status=\"500\""), "a request got a 500:\n" + metrics.lines().filter(l -> l.contains("\"500\"")).toList());
    }

    static void figure(String line) {
        System.out.println("[store-reliability] " + line);
    }

    @Test
    void aStoreThatCannotBeOpenedAtStartLeavesClassificationWorkingAndComesBack() throws Exception {
        Path blocker = SqliteTrouble.registryBlockedByAFile(dir);
        try (HttpService server = start(FeedbackStore.sqliteUrl(blocker))) {
            Http http = new Http(server.port());
            assertEquals(200, classify(http).status(), "classification does not need the store");
            long start = System.nanoTime();
            Http.Response refused = post(http, "down-1");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertUnavailable(refused, "store_unavailable");
            assertUnavailable(http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/feedback"))).header("Authorization", "Bearer " + TOKEN)
                    .GET()), "store_unavailable");
            JsonNode ready = http.get("/health/ready").json();
            assertEquals("ready", ready.get("status").asText(), ready.toString());
            assertEquals("degraded", ready.get("store").get("status").asText(), ready.toString());
            assertTrue(http.get("/metrics").body().contains("nhan_feedback_store_up 0.0"));
            figure("store not openable at start: classify 200, POST /v1/feedback 503 in " + ms + " ms, /health/ready 200 with store degraded");
            Files.delete(blocker);
            Http.Response stored = post(http, "back-1");
            assertEquals(201, stored.status(), stored.body());
            assertTrue(SqliteTrouble.inFile(blocker.resolve("feedback.db"), stored.json().get("id").asLong()));
            assertEquals("up", http.get("/health/ready").json().get("store").get("status").asText());
            assertNo500(http);
        }
    }

    @Test
    void aLockedDatabaseIs503QuicklyAndWorksOnceReleased() throws Exception {
        String url = FeedbackStore.sqliteUrl(dir);
        try (HttpService server = start(url)) {
            Http http = new Http(server.port());
            assertEquals(201, post(http, "before").status());
            SqliteTrouble.Lock lock = SqliteTrouble.lock(url);
            List<Long> ms = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                assertUnavailable(post(http, "locked-" + i), "store_busy");
                ms.add((System.nanoTime() - start) / 1_000_000);
            }
            assertTrue(ms.stream().allMatch(t -> t < 5_000), "refused within seconds, not after a long wait: " + ms);
            assertEquals(200, classify(http).status());
            lock.close();
            assertEquals(201, post(http, "after").status());
            figure("locked database (lock wait 1000 ms): 5 of 5 posts 503 store_busy in " + ms + " ms; 201 once released");
            assertNo500(http);
        }
    }

    @Test
    void afterTheFileIsDeletedEveryAcknowledgedRowIsInTheFileAtThePath() throws Exception {
        Path file = dir.resolve("feedback.db");
        try (HttpService server = start(FeedbackStore.sqliteUrl(dir))) {
            Http http = new Http(server.port());
            assertEquals(201, post(http, "before").status());
            SqliteTrouble.deleteDatabase(file);
            int acknowledged = 0;
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                Http.Response r = post(http, "after-" + i);
                if (r.status() == 201) {
                    acknowledged++;
                    assertTrue(SqliteTrouble.inFile(file, r.json().get("id").asLong()), "201 for a row that is not in " + file + ": " + r.body());
                } else {
                    assertUnavailable(r, "store_unavailable");
                    refused++;
                }
            }
            assertTrue(acknowledged > 0, "the store reopens the file at its path");
            figure("database file deleted while serving: " + acknowledged + " posts 201 (each found in the new file), " + refused + " 503, 0 lost");
            assertNo500(http);
        }
    }
}
