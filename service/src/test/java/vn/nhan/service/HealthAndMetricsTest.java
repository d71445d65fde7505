package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nhan.bundle.BundleException;

/** Health checks, Prometheus metrics, and start-up refusing a bad bundle. */
class HealthAndMetricsTest extends RunningServer {
    @Test
    void liveAndReadyAnswer200WithTheModel() {
        assertEquals(200, http.get("/health/live").status());
        Http.Response ready = http.get("/health/ready");
        assertEquals(200, ready.status());
        assertEquals("ready", ready.json().get("status").asText());
        assertTrue(ready.json().get("model").get("version").asText().length() > 0);
    }

    @Test
    void metricsCountRequestsByRouteAndStatusWithLatencyHistograms() {
        http.postJson("/v1/classify", Http.json(Map.of("text", "Hội nghị tổng kết công tác năm.")));
        http.postJson("/v1/classify", "{");
        http.get("/nowhere");
        String metrics = http.get("/metrics").body();
        assertTrue(metrics.contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/classify\",status=\"200\"}"), metrics);
        assertTrue(metrics.contains("http_server_requests_seconds_count{method=\"POST\",route=\"/v1/classify\",status=\"400\"}"), metrics);
        assertTrue(metrics.contains("route=\"NOT_FOUND\",status=\"404\""), metrics);
        assertTrue(metrics.contains("http_server_requests_seconds_bucket{method=\"POST\",route=\"/v1/classify\",status=\"200\",le="), metrics);
        assertTrue(metrics.contains("nhan_documents_classified_total"), metrics);
        String version = http.get("/v1/model").json().get("version").asText();
        assertTrue(metrics.contains("nhan_model_loaded{") && metrics.contains("version=\"" + version + "\""), metrics);
    }

    @Test
    void startUpRefusesACorruptBundleWithAOneLineReason() throws Exception {
        Path bundle = TestModels.save(dir.resolve("corrupt")).path();
        Path vocabulary = bundle.resolve("vocabulary.bin");
        byte[] bytes = Files.readAllBytes(vocabulary);
        Files.write(vocabulary, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        BundleException e = assertThrows(BundleException.class, () -> HttpService.start(ServiceConfig.forBundle(bundle)));
        assertTrue(e.getMessage().contains("vocabulary.bin has") && e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void startUpRefusesAnEmptyRegistry() throws Exception {
        BundleException e = assertThrows(BundleException.class, () -> HttpService.start(ServiceConfig.forRegistry(dir.resolve("empty-registry"))));
        assertTrue(e.getMessage().contains("has no current model"), e.getMessage());
    }
}
