package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.ApiKey;
import vn.nhan.feedback.FeedbackStore;

/**
 * Admission before the body is read, on a real server whose budget of large-body bytes is held by
 * requests blocked in a handler the test controls: a large body finding no room is refused with 503
 * at once, without the server waiting for a byte of it, while small requests and health checks are
 * still answered.
 */
class AdmissionTest {
    /** Twice the largest body: two blocked requests of the largest declared size fill it. */
    static final int BUDGET = 2 * (int) ServiceConfig.DEFAULT_MAX_BODY;
    /** Far beyond {@link #ANSWERED}: a server waiting for a body it should not read would be caught. */
    static final Duration IDLE = Duration.ofSeconds(60);
    static final Duration ANSWERED = Duration.ofSeconds(10);
    static final CountDownLatch entered = new CountDownLatch(2);
    static final CountDownLatch release = new CountDownLatch(1);
    @TempDir
    static Path dir;
    static HttpService server;
    static Http http;
    static String editorKey;

    @BeforeAll
    static void start() throws Exception {
        ServiceConfig base = ServiceConfig.forBundle(TestModels.save(dir.resolve("model")).path());
        try (FeedbackStore store = FeedbackStore.open(base.feedbackUrl())) {
            editorKey = store.keys().add("lan", ApiKey.Role.EDITOR);
        }
        ServiceLimits limits = base.limits().withBodyBudget(BUDGET).withConnections(base.limits().maxConnectionsPerClient(), IDLE);
        server = HttpService.start(base.withLimits(limits), app -> app.post("/test/hold", ctx -> {
            entered.countDown(); // admitted: its declared size is taken from the budget; the body is never read
            release.await(30, TimeUnit.SECONDS);
            ctx.result("released");
        }));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        release.countDown();
        server.close();
    }

    /** A request head and the first bytes of its body (Jetty dispatches a request once some of its body has come). */
    private static String firstBytes(String path, String sizeHeader) {
        String first = "{\"text\": \"";
        boolean chunked = sizeHeader.startsWith("Transfer-Encoding");
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + sizeHeader + "\r\n\r\n"
                + (chunked ? Integer.toHexString(first.length()) + "\r\n" + first + "\r\n" : first);
    }

    private static void assertRefusedUnread(RawHttp.Response r) throws Exception {
        assertEquals(503, r.status(), r.head() + "\r\n\r\n" + r.body());
        assertEquals("1", r.header("Retry-After"), r.head());
        assertEquals("close", r.header("Connection"), "the body is left unread, so the connection ends: " + r.head());
        assertEquals("overloaded", Http.JSON.readTree(r.body()).get("error").get("code").asText(), r.body());
        assertTrue(r.body().contains("large request bodies"), r.body());
    }

    @Test
    void aLargeBodyFindingTheBudgetTakenIsRefusedBeforeAByteOfItIsRead() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) { // two requests declaring the largest body, of which only the first bytes are sent
                Socket s = RawHttp.connect("127.0.0.50", server.port());
                held.add(s);
                RawHttp.send(s, firstBytes("/test/hold", "Content-Length: " + ServiceConfig.DEFAULT_MAX_BODY));
            }
            assertTrue(entered.await(30, TimeUnit.SECONDS), "both holding requests were admitted");

            try (Socket big = RawHttp.connect("127.0.0.51", server.port())) {
                RawHttp.send(big, firstBytes("/v1/classify", "Content-Length: 200000")); // the rest never comes: the answer cannot wait for it
                assertRefusedUnread(RawHttp.read(big, ANSWERED));
            }
            try (Socket chunked = RawHttp.connect("127.0.0.51", server.port())) {
                RawHttp.send(chunked, firstBytes("/v1/classify", "Transfer-Encoding: chunked")); // unknown length: counts as the largest
                assertRefusedUnread(RawHttp.read(chunked, ANSWERED));
            }

            Http.Response small = http.postJson("/v1/classify", Http.json(Map.of("text", "Đội tuyển bóng đá giành chiến thắng.")));
            assertEquals(200, small.status(), "a small body takes nothing from the budget: " + small.body());
            assertEquals(200, http.get("/health/live").status());
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.contains("nhan_body_bytes_in_use " + (double) BUDGET), metrics.lines().filter(l -> l.startsWith("nhan_body")).toList().toString());
            assertTrue(metrics.contains("nhan_requests_rejected_total{reason=\"body_budget\"} 2.0"),
                    metrics.lines().filter(l -> l.startsWith("nhan_requests_rejected")).toList().toString());
        } finally {
            release.countDown();
            for (Socket s : held) {
                s.close();
            }
        }

        awaitBudgetFree(); // the filter gives the bytes back once each held request is done
        Http.Response big = http.postJson("/v1/classify", Http.json(Map.of("text", "bóng đá ".repeat(30_000))));
        assertEquals(200, big.status(), "with the budget free a large body is read and classified: " + big.body());
        assertTrue(big.json().path("truncated").asBoolean(), "240,000 characters are cut to the limit: " + big.body());
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedWith413BeforeTheBodyIsRead() throws Exception {
        for (long declared : new long[] {ServiceConfig.DEFAULT_MAX_BODY + 1, 99_999_999_999L}) { // the second past what an int holds
            try (Socket s = RawHttp.connect("127.0.0.52", server.port())) {
                RawHttp.send(s, firstBytes("/v1/classify", "Content-Length: " + declared));
                RawHttp.Response r = RawHttp.read(s, ANSWERED);
                assertEquals(413, r.status(), declared + ": " + r.body());
                assertEquals("payload_too_large", Http.JSON.readTree(r.body()).get("error").get("code").asText(), r.body());
            }
        }
    }

    @Test
    void theReviewQueueKeepsTheTextAsClassifiedNotAllThatWasSent() throws Exception {
        Http.Response r = http.postJson("/v1/classify", Http.json(Map.of("id", "cut-1", "text", "bóng đá ".repeat(30_000))));
        assertEquals(200, r.status(), r.body());
        assertTrue(server.drainReviewQueue(Duration.ofSeconds(30)), "the review queue stored the article");
        Http.Response queue = http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/review?limit=50")))
                .header("Authorization", "Bearer " + editorKey).GET());
        assertEquals(200, queue.status(), queue.body());
        JsonNode kept = null;
        for (JsonNode a : queue.json().get("articles")) {
            kept = "cut-1".equals(a.path("document_id").asText()) ? a : kept;
        }
        assertTrue(kept != null, queue.body());
        assertEquals(ServiceLimits.DEFAULTS.maxChars(), kept.get("text").asText().length(), "the text is kept as cut to the character limit");
    }

    /** Waits (bounded) until no large-body bytes are taken, as /metrics reports. */
    private static void awaitBudgetFree() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!http.get("/metrics").body().contains("nhan_body_bytes_in_use 0.0") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(http.get("/metrics").body().contains("nhan_body_bytes_in_use 0.0"), "the held bytes were given back");
    }
}
