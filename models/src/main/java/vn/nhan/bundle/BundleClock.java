package vn.nhan.bundle;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a bundle is created. A bundle's version is its creation time to the millisecond
 * (yyyyMMdd-HHmmss-SSS); this clock never gives one millisecond twice in a JVM (a second save in
 * the same millisecond is dated the next one), so two saves never share a version. Saves in
 * different processes that still meet in one millisecond are told apart by the registry.
 */
final class BundleClock {
    private static final AtomicLong LAST = new AtomicLong();

    private BundleClock() {
    }

    /** Now, or the millisecond after the last instant given when now is not later. */
    static Instant next() {
        Instant now = Instant.now();
        long millis = now.toEpochMilli();
        long given = LAST.updateAndGet(last -> Math.max(millis, last + 1));
        return given == millis ? now : Instant.ofEpochMilli(given);
    }
}
