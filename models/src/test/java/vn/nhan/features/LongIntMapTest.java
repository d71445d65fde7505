package vn.nhan.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing map behind {@link Vocabulary} and document frequencies. */
class LongIntMapTest {

    @Test
    void anAbsentKeyGivesTheMissingValue() {
        LongIntMap map = new LongIntMap(4);
        assertEquals(-1, map.get(12345, -1));
        assertEquals(99, map.get(-5, 99));
        assertEquals(0, map.size());
    }

    @Test
    void addStartsAtZeroAndAccumulates() {
        LongIntMap map = new LongIntMap(4);
        map.add(10, 1);
        map.add(10, 1);
        map.add(10, 5);
        map.add(-3, 2);
        assertEquals(7, map.get(10, -1));
        assertEquals(2, map.get(-3, -1));
        assertEquals(2, map.size());
    }

    @Test
    void putReplacesTheValueWithoutGrowingTheSize() {
        LongIntMap map = new LongIntMap(4);
        map.put(8, 1);
        map.put(8, 2);
        assertEquals(2, map.get(8, -1));
        assertEquals(1, map.size());
    }

    @Test
    void theMapGrowsFarBeyondItsExpectedSizeAndKeepsEveryEntry() {
        LongIntMap map = new LongIntMap(1);
        assertTrue(map.toString().endsWith("capacity=32]"), map.toString());
        Random random = new Random(5);
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            long key = random.nextLong();
            if (key == 0) {
                continue;
            }
            if (i % 2 == 0) {
                map.put(key, i);
                expected.put(key, i);
            } else {
                map.add(key, i);
                expected.merge(key, i, Integer::sum);
            }
        }
        assertEquals(expected.size(), map.size());
        expected.forEach((key, value) -> assertEquals(value, map.get(key, Integer.MIN_VALUE)));
        assertEquals(expected.size(), map.keysForTest().length);
        assertTrue(map.toString().contains("capacity=131072"), map.toString());
    }

    @Test
    void growthHappensWhenTheTableIsMoreThanHalfFull() {
        LongIntMap map = new LongIntMap(8);
        assertEquals("LongIntMap[size=0, capacity=32]", map.toString());
        for (long k = 1; k <= 16; k++) {
            map.add(k, 1);
        }
        assertEquals("LongIntMap[size=16, capacity=32]", map.toString());
        map.put(17, 1);
        assertEquals("LongIntMap[size=17, capacity=64]", map.toString());
        for (long k = 1; k <= 17; k++) {
            assertEquals(1, map.get(k, -1));
        }
    }

    @Test
    void keysThatCollideInOneSlotAreAllKept() {
        LongIntMap map = new LongIntMap(8);
        // capacity 32: keys 31, 63, 95... share slot 31 and wrap around to slot 0
        long[] keys = {31, 63, 95, 127, 159, 1L << 32 | 31, 0xFFFFFFFFL << 32};
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], i);
        }
        for (int i = 0; i < keys.length; i++) {
            assertEquals(i, map.get(keys[i], -1));
        }
        assertEquals(-1, map.get(191, -1));
    }

    @Test
    void forEachVisitsEveryEntryOnce() {
        LongIntMap map = new LongIntMap(2);
        for (long k = -50; k <= 50; k++) {
            if (k != 0) {
                map.put(k, (int) k * 2);
            }
        }
        Map<Long, Integer> seen = new HashMap<>();
        map.forEach((key, value) -> assertEquals(null, seen.put(key, value)));
        assertEquals(100, seen.size());
        seen.forEach((key, value) -> assertEquals(key * 2, (long) value));
    }
}
