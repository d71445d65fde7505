package vn.nhan.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NGramCounterTest {
    @Test
    void keysComeOutInTheOrderFirstSeenWithTheirCounts() {
        NGramCounter counter = new NGramCounter(4);
        for (long key : new long[] {42, -7, 42, 9, -7, 42}) {
            counter.add(key);
        }
        NGramCounts counts = counter.toCounts();
        assertArrayEquals(new long[] {42, -7, 9}, counts.keys());
        assertArrayEquals(new int[] {3, 2, 1}, counts.counts());
    }

    @Test
    void countsMatchAPlainMapFarBeyondTheExpectedSize() {
        Random random = new Random(1);
        NGramCounter counter = new NGramCounter(1);
        Map<Long, Integer> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            long key = random.nextInt(8_000) * 0x9E3779B97F4A7C15L + 1;
            counter.add(key);
            expected.merge(key, 1, Integer::sum);
        }
        NGramCounts counts = counter.toCounts();
        assertEquals(expected.size(), counter.size());
        Map<Long, Integer> actual = new HashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            actual.put(counts.keys()[i], counts.counts()[i]);
        }
        assertEquals(expected, actual);
    }

    @Test
    void anEmptyCounterGivesNoKeys() {
        assertEquals(0, new NGramCounter(0).toCounts().size());
    }
}
