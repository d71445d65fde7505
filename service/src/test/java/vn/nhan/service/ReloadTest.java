package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.registry.ModelRegistry;

/**
 * Hot reload from the registry while requests keep coming: the new model is swapped in, no
 * request fails, a bad bundle is refused and the old model keeps serving; admin reload needs the
 * token.
 */
class ReloadTest {
    static final String TOKEN = "s3cret-token";
    @TempDir
    static Path dir;
    static ModelRegistry registry;
    static HttpService server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        registry = ModelRegistry.open(dir.resolve("registry"));
        String first = registry.add(TestModels.save(registry.stagingPath()).path());
        registry.promote(first, "test");
        server = HttpService.start(ServiceConfig.forRegistry(registry.root()).withAdminToken(TOKEN).withRegistryPoll(Duration.ofMillis(100)));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String servedVersion() {
        return http.get("/v1/model").json().get("version").asText();
    }

    @Test
    void aPromotionIsPickedUpUnderLoadWithoutAFailedRequest() throws Exception {
        String before = servedVersion();
        String next = registry.add(TestModels.save(registry.stagingPath()).path());
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> versionsSeen = new ConcurrentLinkedQueue<>();
        CountDownLatch servedBefore = new CountDownLatch(20);
        CountDownLatch servedAfter = new CountDownLatch(20);
        List<Thread> clients = java.util.stream.IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
            for (int n = 0; n < 5_000 && running.get(); n++) { // bounded even if the test's latches never open
                Http.Response r = http.postJson("/v1/classify", Http.json(Map.of("text", "Đoàn công tác của Ban Tuyên giáo Trung ương làm việc với Tỉnh ủy.")));
                if (r.status() == 200) {
                    ok.incrementAndGet();
                    String version = r.json().get("model").get("version").asText();
                    versionsSeen.add(version);
                    (version.equals(next) ? servedAfter : servedBefore).countDown();
                } else {
                    failures.add(r.status() + " " + r.body());
                }
            }
        })).toList();
        clients.forEach(Thread::start);
        assertTrue(servedBefore.await(60, TimeUnit.SECONDS), "the clients were served by the old model before the promotion");
        registry.promote(next, "test: newer model");
        assertTrue(servedAfter.await(60, TimeUnit.SECONDS), "the clients were served by the new model after the promotion");
        running.set(false);
        for (Thread t : clients) {
            t.join();
        }
        assertEquals(next, servedVersion());
        assertTrue(failures.isEmpty(), failures.toString());
        assertTrue(ok.get() > 10, "requests served: " + ok.get());
        assertTrue(versionsSeen.contains(before) && versionsSeen.contains(next), "both versions served during the test");
    }

    @Test
    void aBadBundleIsRefusedAndTheOldModelKeepsServing() throws Exception {
        String served = servedVersion();
        String bad = registry.add(TestModels.save(registry.stagingPath()).path());
        Path linear = registry.bundlePath(bad).resolve("linear.bin");
        byte[] bytes = Files.readAllBytes(linear);
        bytes[100] ^= 0x5A;
        Files.write(linear, bytes);
        Files.writeString(registry.currentFile(), bad + "\n");
        awaitRefusal("linear.bin");
        assertEquals(served, servedVersion());
        assertEquals(200, http.postJson("/v1/classify", Http.json(Map.of("text", "Lễ giao nhận quân năm 2024."))).status());
        Http.Response reload = http.request(HttpRequest.newBuilder(URI.create(http.uri("/admin/reload")))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(422, reload.status(), reload.body());
        assertEquals("bundle_refused", reload.json().get("error").get("code").asText());
        assertTrue(reload.json().get("error").get("message").asText().contains("linear.bin"), reload.body());
        assertFalse(reload.body().contains(registry.root().toAbsolutePath().toString()), "no server path in the answer: " + reload.body());
        assertEquals(served, servedVersion());
        registry.promote(served, "test: back to the good model");
    }

    /** Returns once the server has tried the current version and refused it (bounded: fails after 60 s). */
    private static void awaitRefusal(String reasonPart) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (server.models().lastError().filter(e -> e.contains(reasonPart)).isPresent()) {
                return;
            }
            Thread.sleep(10); // polls a state the watcher reaches by itself
        }
        throw new AssertionError("the bad bundle was not tried within 60 s");
    }

    @Test
    void adminReloadNeedsTheBearerToken() {
        Http.Response none = http.request(HttpRequest.newBuilder(URI.create(http.uri("/admin/reload"))).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, none.status());
        Http.Response wrong = http.request(HttpRequest.newBuilder(URI.create(http.uri("/admin/reload")))
                .header("Authorization", "Bearer nope").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(401, wrong.status());
        assertNotEquals(200, wrong.status());
    }
}
