package vn.nhan.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bundle versions are unique by construction: the clock never gives one millisecond twice. */
class BundleClockTest {
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    @Test
    void manySavesInOneMillisecondGetDistinctVersionsFromManyThreads() {
        List<Instant> given = new CopyOnWriteArrayList<>();
        IntStream.range(0, 1_000).parallel().forEach(i -> given.add(BundleClock.next()));
        Set<String> versions = new HashSet<>();
        given.forEach(t -> versions.add(VERSION.format(t)));
        assertEquals(given.size(), versions.size(), "two saves got the same version");
    }

    @Test
    void instantsIncreaseAndStayCloseToNow() {
        Instant before = Instant.now();
        Instant first = BundleClock.next();
        Instant second = BundleClock.next();
        assertTrue(second.toEpochMilli() > first.toEpochMilli(), first + " then " + second);
        assertTrue(!first.isBefore(before.minusSeconds(1)) && first.isBefore(before.plusSeconds(60)), before + " / " + first);
    }
}
