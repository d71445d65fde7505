package vn.nhan.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** From text to n-gram keys to L2-normalised TF-IDF vectors. */
class FeatureExtractorTest {

    private static final List<String> CORPUS = List.of(
            "Quy chế phối hợp giữa Đảng ủy và Ủy ban nhân dân tỉnh.",
            "Ban hành quy chế phối hợp công tác phòng chống thiên tai.",
            "Đội tuyển bóng đá thắng trận đấu vòng loại.",
            "Giá vàng hôm nay tăng mạnh, thị trường sôi động.",
            "Quy chế làm việc của Ủy ban nhân dân tỉnh năm 2024.",
            "Bóng đá Việt Nam thắng trận đấu giao hữu.");

    private static final FeatureExtractor FITTED = FeatureExtractor.fit(CORPUS, FeatureConfig.defaults().withMinDf(1));

    @Test
    void sortedKeysListEveryOccurrenceInOrder() {
        long[] keys = FeatureExtractor.ngramCounts(null, "Quy chế phối hợp", FeatureConfig.defaults()).sortedKeys();
        assertEquals(14, keys.length, "4 + 3 accented and 4 + 3 stripped uni- and bigrams");
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, keys);
        assertEquals(14, Arrays.stream(keys).distinct().count());

        long[] repeated = FeatureExtractor.ngramCounts(null, "mưa to. mưa to.", FeatureConfig.defaults()).sortedKeys();
        // each sentence: mưa, to, mưa to accented and mua, to, mua to stripped
        assertEquals(2 * 6, repeated.length);
        assertEquals(6, Arrays.stream(repeated).distinct().count());
    }

    @Test
    void theTitleIsTheFirstLineOfTheArticle() {
        FeatureConfig config = FeatureConfig.defaults();
        assertArrayEquals(FeatureExtractor.ngramCounts(null, "Giá vàng tăng\nThị trường sôi động", config).sortedKeys(),
                FeatureExtractor.ngramCounts("Giá vàng tăng", "Thị trường sôi động", config).sortedKeys());
        assertArrayEquals(FeatureExtractor.ngramCounts(null, "Thị trường", config).sortedKeys(), FeatureExtractor.ngramCounts("  ", "Thị trường", config).sortedKeys());
        assertArrayEquals(FeatureExtractor.ngramCounts(null, "Thị trường", config).sortedKeys(), FeatureExtractor.ngramCounts("", "Thị trường", config).sortedKeys());
        // the title's last syllable and the text's first are never one bigram: 2 segments of 2 syllables
        assertEquals(2 * (3 + 3), FeatureExtractor.ngramCounts("Giá vàng", "thị trường", config).sortedKeys().length);
    }

    @Test
    void nullTextIsRefused() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> FeatureExtractor.ngramCounts("tiêu đề", null, FeatureConfig.defaults()));
        assertEquals("text must not be null", e.getMessage());
    }

    @Test
    void theExtractorRefusesMissingParts() {
        Vocabulary empty = new Vocabulary(new long[0], new float[0]);
        assertEquals("config must not be null", assertThrows(NullPointerException.class, () -> new FeatureExtractor(null, empty)).getMessage());
        assertEquals("vocabulary must not be null",
                assertThrows(NullPointerException.class, () -> new FeatureExtractor(FeatureConfig.defaults(), null)).getMessage());
    }

    @Test
    void aTfIdfVectorIsL2NormalisedWithDistinctIds() {
        for (String text : CORPUS) {
            SparseVector v = FITTED.extract("Tiêu đề quy chế", text);
            assertTrue(v.size() > 10, text);
            double norm = 0;
            for (int i = 0; i < v.size(); i++) {
                assertTrue(v.values()[i] > 0, "weights are positive");
                assertTrue(v.ids()[i] >= 0 && v.ids()[i] < FITTED.dimension());
                norm += v.values()[i] * v.values()[i];
            }
            assertEquals(1.0, Math.sqrt(norm), 1e-5);
            assertEquals(v.size(), Arrays.stream(v.ids()).distinct().count(), "ids are distinct");
        }
    }

    @Test
    void weightsAreSublinearTermFrequencyTimesIdf() {
        Vocabulary vocabulary = new Vocabulary(new long[] {30, 10, 20}, new float[] {1.5f, 2f, 1f});
        FeatureExtractor extractor = new FeatureExtractor(FeatureConfig.defaults(), vocabulary);
        // key 10 (id 1) twice, key 20 (id 2) once, key 30 (id 0) once, key 99 unknown
        SparseVector v = extractor.vectorize(NGramCounts.of(10, 10, 20, 30, 99, 99));
        double w0 = 1.5;
        double w1 = (1 + Math.log(2)) * 2;
        double w2 = 1;
        double norm = Math.sqrt(w0 * w0 + w1 * w1 + w2 * w2);
        Map<Integer, Float> byId = byId(v);
        assertEquals(Set.of(0, 1, 2), byId.keySet());
        assertEquals(w0 / norm, byId.get(0), 1e-6);
        assertEquals(w1 / norm, byId.get(1), 1e-6);
        assertEquals(w2 / norm, byId.get(2), 1e-6);
    }

    @Test
    void termFrequencyIsSublinearBeyondTheTableToo() {
        for (int tf : new int[] {1, 2, 7, 255, 256, 1000}) {
            assertEquals(1 + Math.log(tf), FeatureExtractor.sublinearTf(tf), 1e-6, "tf " + tf);
        }
    }

    private static Map<Integer, Float> byId(SparseVector v) {
        Map<Integer, Float> m = new java.util.HashMap<>();
        for (int i = 0; i < v.size(); i++) {
            m.put(v.ids()[i], v.values()[i]);
        }
        return m;
    }

    @Test
    void textWithNoKnownNgramGivesTheEmptyVector() {
        assertSame(SparseVector.EMPTY, FITTED.extract(null, "xyzzy plugh"));
        assertSame(SparseVector.EMPTY, FITTED.extract(null, ""));
        assertSame(SparseVector.EMPTY, FITTED.vectorize(NGramCounts.of()));
    }

    @Test
    void unaccentedTextSharesFeaturesWithTheAccentedTextThroughTheStrippedView() {
        SparseVector accented = FITTED.extract(null, "Quy chế phối hợp");
        SparseVector plain = FITTED.extract(null, "quy che phoi hop");
        Set<Integer> accentedIds = ids(accented);
        Set<Integer> plainIds = ids(plain);
        // stripped unigrams quy, che, phoi, hop and bigrams quy che, che phoi, phoi hop, plus the accented "quy"
        assertEquals(8, plainIds.size());
        assertTrue(accentedIds.containsAll(plainIds), "every feature of the unaccented text is one of the accented text");
    }

    @Test
    void withoutTheStrippedViewUnaccentedTextMeetsOnlyIdenticalSyllables() {
        FeatureExtractor accentedOnly = FeatureExtractor.fit(CORPUS, FeatureConfig.defaults().withMinDf(1).withStrippedMaxN(0));
        SparseVector plain = accentedOnly.extract(null, "quy che phoi hop");
        assertEquals(1, plain.size(), "only the unaccented syllable 'quy' is shared");
        assertEquals(accentedOnly.extract(null, "quy").ids()[0], plain.ids()[0]);
    }

    @Test
    void nfdAndNfcTextGiveTheSameVector() {
        String nfc = "Đội tuyển bóng đá thắng trận đấu vòng loại.";
        String nfd = java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD);
        assertNotEquals(nfc, nfd);
        SparseVector a = FITTED.extract(null, nfc);
        SparseVector b = FITTED.extract(null, nfd);
        assertArrayEquals(a.ids(), b.ids());
        assertArrayEquals(a.values(), b.values());
    }

    @Test
    void theDimensionIsTheVocabularySize() {
        assertEquals(FITTED.vocabulary().size(), FITTED.dimension());
        assertEquals(FeatureConfig.defaults().withMinDf(1), FITTED.config());
    }

    @Test
    void aSparseVectorRefusesArraysOfDifferentLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SparseVector(new int[2], new float[3]));
        assertEquals("ids and values differ in length: 2 vs 3", e.getMessage());
    }

    private static Set<Integer> ids(SparseVector v) {
        Set<Integer> ids = new HashSet<>();
        for (int id : v.ids()) {
            ids.add(id);
        }
        return ids;
    }

    private static java.util.Map<Integer, Float> asMap(SparseVector v) {
        java.util.Map<Integer, Float> m = new java.util.HashMap<>();
        for (int i = 0; i < v.size(); i++) {
            m.put(v.ids()[i], v.values()[i]);
        }
        return m;
    }

    @Test
    void theWholeArticleVectorIsTheSameWithOrWithoutPassages() {
        String text = "Đội tuyển bóng đá thắng trận đấu vòng loại. Huấn luyện viên khen các cầu thủ.\nNgân hàng giảm lãi suất.";
        ArticleFeatures withPassages = FITTED.extractArticle("Bóng đá", text, false, true);
        ArticleFeatures without = FITTED.extractArticle("Bóng đá", text, false, false);
        assertEquals(asMap(FITTED.extract("Bóng đá", text)), asMap(withPassages.whole()));
        assertEquals(asMap(withPassages.whole()), asMap(without.whole()));
        assertEquals(0, without.passageCount());
        assertTrue(withPassages.passageCount() >= 2, "the title and the text");
    }

    @Test
    void eachPassageVectorIsThePassageReadAlone() {
        String first = "Đội tuyển bóng đá thắng trận đấu vòng loại nhờ bàn thắng của tiền đạo trong hiệp hai, "
                + "huấn luyện viên khen thủ môn và các cầu thủ trên sân vận động, cổ động viên ăn mừng suốt đêm dài ở thành phố.";
        String second = "Ngân hàng giảm lãi suất cho doanh nghiệp xuất khẩu, thị trường chứng khoán tăng điểm, "
                + "giá vàng đi ngang và tỷ giá ổn định trong tuần qua, nhà đầu tư thận trọng chờ số liệu tăng trưởng mới.";
        ArticleFeatures article = FITTED.extractArticle(null, first + "\n" + second, false, true);
        assertEquals(2, article.passageCount());
        assertEquals(asMap(FITTED.extract(null, first)), asMap(article.passages()[0]));
        assertEquals(asMap(FITTED.extract(null, second)), asMap(article.passages()[1]));
        for (int p = 0; p < 2; p++) {
            int[] keys = article.passageKeys()[p];
            for (int i = 0; i < keys.length; i++) {
                assertEquals(article.keyIds()[keys[i]], article.passages()[p].ids()[i], "passage entries point at their article keys");
            }
        }
    }
}
