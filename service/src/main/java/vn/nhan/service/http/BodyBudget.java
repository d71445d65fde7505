package vn.nhan.service.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A budget of bytes for the large request bodies being read or handled at once, taken from the
 * size a request declares before any of its body is read. Reading, decoding and parsing a 1 MiB
 * body costs more than classifying its first 100,000 characters; without this bound, 60 clients
 * sending such bodies kept both cores parsing, and small requests and health checks waited
 * behind them. Bodies up to {@code smallBody} bytes take nothing: they are cheap, and are bounded
 * by the API lane.
 */
final class BodyBudget {
    private final Semaphore bytes;
    private final int total;
    private final int smallBody;
    private final long largestBody;
    private final AtomicLong refused = new AtomicLong();

    /** {@code total} bytes; bodies over {@code smallBody} count; one of unknown length counts as {@code largestBody}. */
    BodyBudget(int total, int smallBody, long largestBody) {
        if (largestBody > total) {
            throw new IllegalArgumentException("a budget of " + total + " bytes cannot hold a body of " + largestBody + " bytes");
        }
        this.bytes = new Semaphore(total);
        this.total = total;
        this.smallBody = smallBody;
        this.largestBody = largestBody;
    }

    /**
     * The bytes a request counts for: its Content-Length (at most the largest allowed, which the
     * route then refuses with 413 unread), the largest allowed for a chunked body, 0 for a small body
     * or none.
     */
    int cost(long contentLength, boolean chunked) {
        long size = contentLength >= 0 ? Math.min(contentLength, largestBody) : chunked ? largestBody : 0;
        return size > smallBody ? (int) size : 0;
    }

    /** Takes {@code cost} bytes if they are free now; never waits. */
    boolean tryTake(int cost) {
        if (cost == 0 || bytes.tryAcquire(cost)) {
            return true;
        }
        refused.incrementAndGet();
        return false;
    }

    void release(int cost) {
        if (cost > 0) {
            bytes.release(cost);
        }
    }

    /** Bytes taken by the bodies being read or handled now. */
    long inUse() {
        return total - bytes.availablePermits();
    }

    int total() {
        return total;
    }

    /** Requests refused because their body did not fit, since start. */
    long refused() {
        return refused.get();
    }
}
