package vn.nhan.service.api;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds the classifications running at once to about the number of cores, first come first
 * served. On a small machine, 32 requests sharing 2 cores all finish late and hold their memory
 * through every GC pause; queued in order, each runs to completion in about half a millisecond.
 */
public final class WorkLimiter {
    private final Semaphore permits;

    public WorkLimiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, got " + permits);
        }
        this.permits = new Semaphore(permits, true);
    }

    public static WorkLimiter forCores() {
        return new WorkLimiter(Runtime.getRuntime().availableProcessors());
    }

    public <T> T run(Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
