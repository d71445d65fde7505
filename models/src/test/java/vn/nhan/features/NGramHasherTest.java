package vn.nhan.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.nhan.text.ToneMarks;
import vn.nhan.text.TextNormalizer;

/** The n-grams {@link NGramHasher} emits for both views, and their keys. */
class NGramHasherTest {
    /** Accented 1-3-grams, stripped 1-2-grams. */
    private static final FeatureConfig TRIGRAMS = new FeatureConfig(1, 3, 2, 2, 0.95, 500_000);

    /** One emitted n-gram. */
    private record Gram(long key, String text, int n, boolean stripped) {
    }

    private static List<Gram> grams(String text, FeatureConfig config) {
        List<Gram> grams = new ArrayList<>();
        String normalized = TextNormalizer.standard().normalize(text);
        new NGramHasher(config).emit(normalized, (key, from, to, n, stripped) -> {
            String written = normalized.substring(from, to);
            grams.add(new Gram(key, stripped ? ToneMarks.strip(written) : written, n, stripped));
        });
        return grams;
    }

    private static Map<String, Integer> countsPerViewAndN(List<Gram> grams) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Gram g : grams) {
            counts.merge((g.stripped() ? "stripped " : "accented ") + g.n(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void aFourSyllableTextHasTheExpectedNumberOfNgramsForEachN() {
        List<Gram> grams = grams("Quy chế phối hợp", TRIGRAMS);
        // accented: 4 unigrams, 3 bigrams, 2 trigrams; stripped: 4 unigrams, 3 bigrams
        assertEquals(Map.of("accented 1", 4, "accented 2", 3, "accented 3", 2, "stripped 1", 4, "stripped 2", 3),
                countsPerViewAndN(grams));
        assertEquals(16, grams.size());
    }

    @Test
    void theDisplayTextOfEachNgramIsItsSyllablesStrippedInTheStrippedView() {
        Set<String> accented = new HashSet<>();
        Set<String> stripped = new HashSet<>();
        for (Gram g : grams("Quy chế phối hợp", TRIGRAMS)) {
            (g.stripped() ? stripped : accented).add(g.text());
        }
        assertEquals(Set.of("quy", "chế", "phối", "hợp", "quy chế", "chế phối", "phối hợp", "quy chế phối", "chế phối hợp"), accented);
        assertEquals(Set.of("quy", "che", "phoi", "hop", "quy che", "che phoi", "phoi hop"), stripped);
    }

    @Test
    void minNAboveOneLeavesOutShorterAccentedNgramsButNotStrippedOnes() {
        List<Gram> grams = grams("một hai ba bốn năm", TRIGRAMS.withNgrams(2, 3));
        assertEquals(Map.of("accented 2", 4, "accented 3", 3, "stripped 1", 5, "stripped 2", 4), countsPerViewAndN(grams));
    }

    @Test
    void strippedMaxNZeroTurnsTheStrippedViewOff() {
        List<Gram> grams = grams("quy chế phối hợp", TRIGRAMS.withStrippedMaxN(0));
        assertFalse(grams.stream().anyMatch(Gram::stripped));
        assertEquals(9, grams.size());
    }

    @Test
    void ngramsNeverCrossPunctuationOrLineEnds() {
        List<Gram> grams = grams("một hai, ba bốn\nnăm sáu. bảy", FeatureConfig.defaults());
        Set<String> texts = new HashSet<>();
        grams.forEach(g -> texts.add(g.text()));
        assertTrue(texts.containsAll(Set.of("một hai", "ba bốn", "năm sáu", "mot hai", "ba bon", "nam sau", "bảy")));
        for (String crossing : List.of("hai ba", "bốn năm", "sáu bảy", "hai ba bốn", "mot hai ba", "hai ba", "bon nam", "sau bay")) {
            assertFalse(texts.contains(crossing), () -> "'" + crossing + "' crosses a segment boundary");
        }
        // 4 segments of 2, 2, 2, 1 syllables: accented 7 + 3 + 0, stripped 7 + 3
        assertEquals(20, grams.size());
    }

    @Test
    void theKeyOfAnNgramDependsOnlyOnItsSyllablesViewAndN() {
        Map<String, Long> first = keysByText(grams("ông nói quy chế phối hợp", FeatureConfig.defaults()));
        Map<String, Long> second = keysByText(grams("quy chế phối hợp mới. phối hợp", FeatureConfig.defaults()));
        for (String shared : List.of("a:quy chế", "a:phối hợp", "a:quy chế phối", "s:quy che", "s:phoi hop", "a:hợp", "s:hop")) {
            assertEquals(first.get(shared), second.get(shared), shared);
        }
    }

    @Test
    void theSameSyllablesGetDifferentKeysInTheTwoViewsAndForDifferentN() {
        Map<String, Long> keys = keysByText(grams("quy quy", FeatureConfig.defaults()));
        assertNotEquals(keys.get("a:quy"), keys.get("s:quy"));
        assertNotEquals(keys.get("a:quy quy"), keys.get("s:quy quy"));
        assertNotEquals(keys.get("a:quy"), keys.get("a:quy quy"));
    }

    @Test
    void anUnaccentedTextSharesItsStrippedKeysWithTheAccentedText() {
        Map<String, Long> accented = keysByText(grams("quy chế phối hợp", FeatureConfig.defaults()));
        Map<String, Long> plain = keysByText(grams("quy che phoi hop", FeatureConfig.defaults()));
        for (String s : List.of("s:quy", "s:che", "s:phoi", "s:hop", "s:quy che", "s:che phoi", "s:phoi hop")) {
            assertEquals(accented.get(s), plain.get(s), s);
        }
        assertNotEquals(accented.get("a:chế"), plain.get("a:che"));
    }

    @Test
    void keysAreNeverZero() {
        for (Gram g : grams("một hai ba bốn năm sáu bảy tám chín mười, covid-19 05-ct/tw 2024", FeatureConfig.defaults())) {
            assertNotEquals(0L, g.key());
        }
    }

    @Test
    void distinctNgramsOfARealSentenceGetDistinctKeys() {
        Map<Long, String> seen = new HashMap<>();
        for (Gram g : grams("Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến toàn quốc về phòng chống thiên tai năm 2024",
                new FeatureConfig(1, 5, 5, 1, 1, 10))) {
            String id = (g.stripped() ? "s:" : "a:") + g.text();
            String before = seen.putIfAbsent(g.key(), id);
            assertTrue(before == null || before.equals(id), () -> before + " and " + id + " share a key");
        }
    }

    private static Map<String, Long> keysByText(List<Gram> grams) {
        Map<String, Long> keys = new HashMap<>();
        for (Gram g : grams) {
            keys.put((g.stripped() ? "s:" : "a:") + g.text(), g.key());
        }
        return keys;
    }
}
