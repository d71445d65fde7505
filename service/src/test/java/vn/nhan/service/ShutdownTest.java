package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful stop: once the stop begins new connections are refused, a request in flight (held by a
 * handler the test controls) still finishes with 200, and the stop waits for it.
 */
class ShutdownTest {
    @TempDir
    Path dir;

    @Test
    void inFlightRequestsFinishAndNewOnesAreRefused() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpService server = HttpService.start(ServiceConfig.forBundle(TestModels.save(dir.resolve("model")).path()),
                app -> app.get("/test/slow", ctx -> { // a handler the test controls: it holds the request until released
                    entered.countDown();
                    ctx.result(release.await(30, TimeUnit.SECONDS) ? "finished" : "never released");
                }));
        int port = server.port();
        Http http = new Http(port);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Http.Response> inFlight = CompletableFuture.supplyAsync(() -> http.get("/test/slow"), pool);
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the request reached its handler");
            CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close, pool);
            awaitConnectionsRefused(port);
            assertFalse(inFlight.isDone(), "the request is still in flight after the server stopped accepting");
            assertFalse(closing.isDone(), "the stop waits for the request in flight");
            release.countDown();
            Http.Response response = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, response.status(), response.body());
            assertEquals("finished", response.body());
            closing.get(30, TimeUnit.SECONDS);
            Throwable refused = assertThrows(java.io.UncheckedIOException.class, () -> http.get("/health/live"));
            assertEquals(ConnectException.class, refused.getCause().getClass());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** Returns once a new connection to {@code port} is refused (bounded: fails after 30 s). */
    private static void awaitConnectionsRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (IOException e) {
                return;
            }
            Thread.sleep(5); // polls a state the server reaches by itself; the order of events is fixed by the latches
        }
        throw new AssertionError("the server still accepts connections 30 s after it began to stop");
    }

    @Test
    void adminRoutesNeedAnAdminKeyWhenNoTokenIsSet() throws Exception {
        try (HttpService server = HttpService.start(ServiceConfig.forBundle(TestModels.save(dir.resolve("model2")).path()))) {
            Http.Response r = new Http(server.port()).request(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/admin/reload")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(401, r.status());
            assertEquals("unauthorized", r.json().get("error").get("code").asText());
        }
    }
}
