package vn.nhan.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Document-frequency cut-offs, the size cap, IDF and the deterministic order of ids. */
class VocabularyBuilderTest {

    private static final FeatureConfig MIN_DF_2 = new FeatureConfig(1, 3, 2, 2, 0.95, 1000);

    @Test
    void keysBelowTheMinimumDocumentFrequencyAreLeftOut() {
        List<long[]> docs = List.of(new long[] {1, 2, 3}, new long[] {2, 3}, new long[] {3, 4});
        Vocabulary v = fit(docs, MIN_DF_2).vocabulary();
        assertEquals(2, v.size());
        assertEquals(-1, v.id(1));
        assertEquals(-1, v.id(4));
        assertEquals(0, v.id(3), "df 3 comes first");
        assertEquals(1, v.id(2), "df 2 comes next");

        Vocabulary all = fit(docs, MIN_DF_2.withMinDf(1)).vocabulary();
        assertEquals(4, all.size());
        assertEquals(List.of(3L, 2L, 1L, 4L), keysInIdOrder(all, 1, 2, 3, 4));
    }

    @Test
    void aKeyRepeatedInOneDocumentCountsOnceForDocumentFrequency() {
        List<long[]> docs = List.of(new long[] {7, 7, 7, 7}, new long[] {8}, new long[] {8});
        Vocabulary v = fit(docs, MIN_DF_2).vocabulary();
        assertEquals(1, v.size());
        assertEquals(0, v.id(8));
        assertEquals(-1, v.id(7));
    }

    @Test
    void idfIsTheSmoothedLogarithm() {
        List<long[]> docs = List.of(new long[] {1, 2}, new long[] {1}, new long[] {1}, new long[] {2, 3});
        Vocabulary v = fit(docs, MIN_DF_2.withMinDf(1)).vocabulary();
        assertEquals((float) (Math.log(5.0 / 4.0) + 1), v.idf(v.id(1)), 1e-6f);
        assertEquals((float) (Math.log(5.0 / 3.0) + 1), v.idf(v.id(2)), 1e-6f);
        assertEquals((float) (Math.log(5.0 / 2.0) + 1), v.idf(v.id(3)), 1e-6f);
    }

    @Test
    void keysInTooManyDocumentsAreLeftOutOnceTheCorpusHasTwentyDocuments() {
        FeatureConfig config = new FeatureConfig(1, 3, 2, 1, 0.9, 1000);
        List<long[]> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(i < 18 ? new long[] {1, 2, 100 + i} : new long[] {1, 100 + i});
        }
        // key 1 in 20 of 20 documents > 0.9 * 20 = 18: cut; key 2 in 18: kept
        Vocabulary v = fit(twenty, config).vocabulary();
        assertEquals(-1, v.id(1));
        assertEquals(0, v.id(2));
        assertEquals(21, v.size());

        // with 19 documents the ratio is not applied
        Vocabulary small = fit(twenty.subList(0, 19), config).vocabulary();
        assertEquals(0, small.id(1));
    }

    @Test
    void theCapKeepsTheMostFrequentKeysThenTheSmallestKeys() {
        FeatureConfig capped = new FeatureConfig(1, 3, 2, 1, 1, 3);
        List<long[]> docs = List.of(new long[] {-5, 1, 9}, new long[] {9, 40}, new long[] {2, 9, 40}, new long[] {-7});
        Vocabulary v = fit(docs, capped).vocabulary();
        assertEquals(3, v.size());
        // 9 (df 3), 40 (df 2), then the df-1 keys in ascending order: -7, -5, 1, 2 -> -7 kept
        assertEquals(List.of(9L, 40L, -7L), keysInIdOrder(v, -7, -5, 1, 2, 9, 40));
    }

    @Test
    void fittingIsDeterministicAndIndependentOfDocumentOrder() throws IOException {
        Random random = new Random(3);
        List<long[]> docs = new ArrayList<>();
        for (int d = 0; d < 200; d++) {
            long[] keys = new long[30];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = 1 + random.nextInt(500) * 7919L;
            }
            java.util.Arrays.sort(keys);
            docs.add(keys);
        }
        byte[] first = bytes(fit(docs, MIN_DF_2).vocabulary());
        assertArrayEquals(first, bytes(fit(docs, MIN_DF_2).vocabulary()));
        List<long[]> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(11));
        assertArrayEquals(first, bytes(fit(shuffled, MIN_DF_2).vocabulary()));
    }

    @Test
    void fittingOnRealTextTwiceGivesTheSameFeatures() {
        List<String> texts = List.of("Quy chế phối hợp công tác.", "Quy chế làm việc.", "Phối hợp công tác phòng chống dịch.");
        FeatureExtractor a = FeatureExtractor.fit(texts, FeatureConfig.defaults());
        FeatureExtractor b = FeatureExtractor.fit(texts, FeatureConfig.defaults());
        assertEquals(a.dimension(), b.dimension());
        assertTrue(a.dimension() > 0);
        SparseVector va = a.extract(null, "quy chế phối hợp công tác");
        SparseVector vb = b.extract(null, "quy chế phối hợp công tác");
        assertArrayEquals(va.ids(), vb.ids());
        assertArrayEquals(va.values(), vb.values());
    }

    @Test
    void anEmptyCorpusIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fit(List.of(), MIN_DF_2));
        assertEquals("cannot fit a vocabulary on an empty corpus", e.getMessage());
    }

    @Test
    void aCorpusWithNoKeyFrequentEnoughGivesAnEmptyVocabulary() {
        Vocabulary v = fit(List.of(new long[] {1}, new long[] {2}), MIN_DF_2).vocabulary();
        assertEquals(0, v.size());
    }

    private static List<Long> keysInIdOrder(Vocabulary v, long... candidates) {
        Long[] byId = new Long[v.size()];
        for (long key : candidates) {
            int id = v.id(key);
            if (id >= 0) {
                byId[id] = key;
            }
        }
        return List.of(byId);
    }

    private static byte[] bytes(Vocabulary v) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            v.write(out);
        }
        return buffer.toByteArray();
    }

    private static FeatureExtractor fit(List<long[]> documents, FeatureConfig config) {
        return VocabularyBuilder.fit(documents.stream().map(NGramCounts::of).toList(), config);
    }
}
