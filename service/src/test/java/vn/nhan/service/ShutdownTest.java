package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful stop: requests in flight finish with 200 (those arriving once the stop began get 503),
 * and new connections are refused afterwards.
 */
class ShutdownTest {
    @TempDir
    Path dir;

    @Test
    void inFlightRequestsFinishAndNewOnesAreRefused() throws Exception {
        NhanServer server = NhanServer.start(ServiceConfig.forBundle(TestModels.save(dir.resolve("model")).path()));
        Http http = new Http(server.port());
        List<Map<String, Object>> docs = new ArrayList<>();
        String longText = "Hội nghị sơ kết công tác tuyên giáo, triển khai nhiệm vụ năm tới. ".repeat(180);
        for (int i = 0; i < 64; i++) {
            docs.add(Map.of("id", String.valueOf(i), "text", longText + i));
        }
        String body = Http.json(Map.of("documents", docs));
        List<CompletableFuture<Http.Response>> inFlight = new ArrayList<>();
        List<Long> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            inFlight.add(CompletableFuture.supplyAsync(() -> {
                Http.Response r = http.postJson("/v1/classify/batch", body);
                finished.add(System.nanoTime());
                return r;
            }, java.util.concurrent.Executors.newSingleThreadExecutor()));
        }
        Thread.sleep(100);
        long closing = System.nanoTime();
        server.close();
        int completed = 0;
        for (CompletableFuture<Http.Response> f : inFlight) {
            Http.Response response = f.get();
            // a request that reached the server after it began to stop is turned away with 503;
            // one that was already being handled must finish normally
            assertTrue(response.status() == 200 || response.status() == 503, response.status() + " " + response.body());
            if (response.status() == 200) {
                assertEquals(64, response.json().get("results").size());
                completed++;
            }
        }
        assertTrue(completed > 0, "no request completed");
        assertTrue(finished.stream().anyMatch(t -> t > closing), "no request was still in flight when the server began to stop");
        Throwable refused = assertThrows(java.io.UncheckedIOException.class, () -> http.get("/health/live"));
        assertEquals(ConnectException.class, refused.getCause().getClass());
    }

    @Test
    void adminRoutesNeedAnAdminKeyWhenNoTokenIsSet() throws Exception {
        try (NhanServer server = NhanServer.start(ServiceConfig.forBundle(TestModels.save(dir.resolve("model2")).path()))) {
            Http.Response r = new Http(server.port()).request(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/admin/reload")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(401, r.status());
            assertEquals("unauthorized", r.json().get("error").get("code").asText());
        }
    }
}
