package vn.nhan.service.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Bounds the classifications running at once to about the number of cores, first come first
 * served, behind a bounded queue with a deadline. On a small machine, 32 requests sharing 2 cores
 * all finish late and hold their memory through every GC pause; queued in order, each runs to
 * completion in about half a millisecond. A request that finds the queue full, or waits longer
 * than the deadline, is refused with 503 and {@code Retry-After} instead of waiting on.
 */
public final class WorkLimiter {
    private final Semaphore permits;
    private final int queueCapacity;
    private final Duration deadline;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong queueFull = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();

    public WorkLimiter(int permits, int queueCapacity, Duration deadline) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("the queue capacity must be at least 0, got " + queueCapacity);
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive, got " + deadline);
        }
        this.permits = new Semaphore(permits, true);
        this.queueCapacity = queueCapacity;
        this.deadline = deadline;
    }

    /**
     * Runs {@code work} once a permit is free; throws a 503 {@link ApiError} when the queue is full
     * or no permit came free within the deadline.
     */
    public <T> T run(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        try {
            if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) { // honours the queue order, unlike tryAcquire()
                return;
            }
            if (waiting.incrementAndGet() > queueCapacity) {
                waiting.decrementAndGet();
                queueFull.incrementAndGet();
                throw overloaded("the classification queue is full (" + queueCapacity + " waiting)");
            }
            try {
                if (!permits.tryAcquire(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
                    timedOut.incrementAndGet();
                    throw overloaded("no worker came free within " + deadline.toMillis() + " ms");
                }
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw overloaded("the request was interrupted while waiting for a worker");
        }
    }

    private static ApiError overloaded(String why) {
        return new ApiError(503, "overloaded", "the service is busy: " + why + "; retry shortly");
    }

    /** Requests waiting for a permit now. */
    public int waiting() {
        return waiting.get();
    }

    /** Requests refused because the queue was full, since start. */
    public long rejectedQueueFull() {
        return queueFull.get();
    }

    /** Requests refused because their deadline passed in the queue, since start. */
    public long rejectedTimedOut() {
        return timedOut.get();
    }
}
