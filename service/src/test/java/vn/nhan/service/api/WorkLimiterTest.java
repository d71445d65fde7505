package vn.nhan.service.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The work limiter: permits, a bounded queue in order, and a deadline, each refusal a 503. */
class WorkLimiterTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    /** Occupies one permit until {@link #release} opens; returns once the work is running. */
    private CompletableFuture<String> hold(WorkLimiter limiter) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> f = CompletableFuture.supplyAsync(() -> limiter.run(() -> {
            running.countDown();
            await(release);
            return "held";
        }), pool);
        assertTrue(running.await(10, TimeUnit.SECONDS), "the held work started");
        return f;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits (bounded) until {@code n} requests are queued. */
    private static void awaitWaiting(WorkLimiter limiter, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (limiter.waiting() < n && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(n, limiter.waiting());
    }

    @Test
    void runsWorkAndReturnsItsResult() {
        WorkLimiter limiter = new WorkLimiter(2, 4, Duration.ofSeconds(1));
        assertEquals(42, limiter.run(() -> 42));
        assertEquals(0, limiter.waiting());
    }

    @Test
    void aQueuedRequestRunsOnceAPermitIsFree() throws Exception {
        WorkLimiter limiter = new WorkLimiter(1, 1, Duration.ofSeconds(30));
        CompletableFuture<String> held = hold(limiter);
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> limiter.run(() -> "queued"), pool);
        awaitWaiting(limiter, 1);
        release.countDown();
        assertEquals("held", held.get(10, TimeUnit.SECONDS));
        assertEquals("queued", queued.get(10, TimeUnit.SECONDS));
        assertEquals(0, limiter.rejectedQueueFull() + limiter.rejectedTimedOut());
    }

    @Test
    void aFullQueueRefusesAtOnceWith503() throws Exception {
        WorkLimiter limiter = new WorkLimiter(1, 1, Duration.ofSeconds(30));
        hold(limiter);
        CompletableFuture.supplyAsync(() -> limiter.run(() -> "queued"), pool);
        awaitWaiting(limiter, 1);
        ApiError refused = assertThrows(ApiError.class, () -> limiter.run(() -> "third"));
        assertEquals(503, refused.status());
        assertEquals("overloaded", refused.code());
        assertTrue(refused.getMessage().contains("queue is full (1 waiting)"), refused.getMessage());
        assertEquals(1, limiter.rejectedQueueFull());
        assertEquals(1, limiter.waiting(), "the refused request did not stay in the queue");
    }

    @Test
    void aRequestWaitingPastTheDeadlineIsRefusedWith503() throws Exception {
        WorkLimiter limiter = new WorkLimiter(1, 8, Duration.ofMillis(50));
        hold(limiter);
        ApiError refused = assertThrows(ApiError.class, () -> limiter.run(() -> "late"));
        assertEquals(503, refused.status());
        assertTrue(refused.getMessage().contains("within 50 ms"), refused.getMessage());
        assertEquals(1, limiter.rejectedTimedOut());
        assertEquals(0, limiter.waiting());
    }

    @Test
    void aPermitIsReturnedWhenTheWorkThrows() {
        WorkLimiter limiter = new WorkLimiter(1, 0, Duration.ofMillis(10));
        assertThrows(IllegalStateException.class, () -> limiter.run(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("after", limiter.run(() -> "after"));
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new WorkLimiter(0, 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new WorkLimiter(1, -1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new WorkLimiter(1, 1, Duration.ZERO));
    }
}
