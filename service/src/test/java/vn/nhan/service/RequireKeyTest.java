package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.ApiKey;
import vn.nhan.feedback.FeedbackStore;

/** NHAN_REQUIRE_KEY=true closes the API (classification included) to key holders; health and the page stay open. */
class RequireKeyTest {
    @TempDir
    Path dir;

    @Test
    void withRequireKeyClassificationNeedsAKeyAndHealthStaysOpen() throws Exception {
        Path model = TestModels.save(dir.resolve("model")).path();
        String key;
        try (FeedbackStore store = FeedbackStore.open(FeedbackStore.sqliteUrl(dir))) {
            key = store.keys().add("reader", ApiKey.Role.EDITOR);
        }
        try (HttpService server = HttpService.start(ServiceConfig.forBundle(model), EditorsConfig.defaults().withRequireKey(true))) {
            Http http = new Http(server.port());
            String body = Http.json(Map.of("text", "Giá vàng hôm nay tăng mạnh."));
            assertEquals(401, http.postJson("/v1/classify", body).status());
            Http.Response with = http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/classify")))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(200, with.status(), with.body());
            assertEquals(200, http.get("/health/live").status());
            assertEquals(200, http.get("/").status());
        }
    }

    @Test
    void requireKeyParsesOnlyBooleans() {
        assertEquals(true, EditorsConfig.parseRequireKey("true"));
        assertEquals(false, EditorsConfig.parseRequireKey(""));
        assertEquals(false, EditorsConfig.parseRequireKey(null));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> EditorsConfig.parseRequireKey("maybe"));
        assertEquals("NHAN_REQUIRE_KEY must be true or false, got 'maybe'", e.getMessage());
    }
}
