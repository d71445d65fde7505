package vn.nhan.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.nhan.features.FeatureConfig;
import vn.nhan.features.FeatureExtractor;

/** The canonical text every feature is computed from. */
class TextNormalizerTest {

    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

    private static final String TITLE = "Thủ tướng chủ trì Hội nghị về phòng, chống dịch COVID-19";
    private static final String ARTICLE = """
            Sáng 22/4/2024, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến toàn quốc.
            Ủy ban nhân dân các tỉnh báo cáo tình hình khuyến khích người dân tiêm chủng, giữ gìn sức khỏe.
            Bộ trưởng Bộ Y tế cho biết: "Hòa bình, ổn định là nền tảng; thuở trước khó khăn hơn nhiều".
            Quỳnh Anh, nhân viên y tế ở Hoàng Mai, kể lại những đêm trực bên giường bệnh.""";

    @Test
    void anArticleTypedInNfdNormalisesExactlyLikeTheSameArticleInNfc() {
        String nfdTitle = Normalizer.normalize(TITLE, Normalizer.Form.NFD);
        String nfdArticle = Normalizer.normalize(ARTICLE, Normalizer.Form.NFD);
        assertNotEquals(ARTICLE, nfdArticle);
        assertTrue(nfdArticle.length() > ARTICLE.length());

        assertEquals(NORMALIZER.normalize(ARTICLE), NORMALIZER.normalize(nfdArticle));
        assertEquals(NORMALIZER.normalize(TITLE + "\n" + ARTICLE), NORMALIZER.normalize(nfdTitle + "\n" + nfdArticle));
    }

    @Test
    void anArticleTypedInNfdHasExactlyTheSameFeaturesAsInNfc() {
        String nfdTitle = Normalizer.normalize(TITLE, Normalizer.Form.NFD);
        String nfdArticle = Normalizer.normalize(ARTICLE, Normalizer.Form.NFD);
        FeatureConfig config = FeatureConfig.defaults();
        long[] nfc = FeatureExtractor.ngramCounts(TITLE, ARTICLE, config).sortedKeys();
        assertTrue(nfc.length > 100);
        assertArrayEquals(nfc, FeatureExtractor.ngramCounts(nfdTitle, nfdArticle, config).sortedKeys());
    }

    @Test
    void bothTonePlacementsGiveTheSameTextAndFeatures() {
        String modern = "Hoà bình, Thuý Kiều khoẻ mạnh; Uỷ ban tuỳ ý hoạ sĩ.";
        String traditional = "Hòa bình, Thúy Kiều khỏe mạnh; Ủy ban tùy ý họa sĩ.";
        assertEquals("hòa bình, thúy kiều khỏe mạnh; ủy ban tùy ý họa sĩ.", NORMALIZER.normalize(modern));
        assertEquals(NORMALIZER.normalize(traditional), NORMALIZER.normalize(modern));
        assertArrayEquals(FeatureExtractor.ngramCounts(null, traditional, FeatureConfig.defaults()).sortedKeys(),
                FeatureExtractor.ngramCounts(null, modern, FeatureConfig.defaults()).sortedKeys());
    }

    @Test
    void correctlyPlacedTonesInRunningTextAreLeftAsTheyAre() {
        String text = "quỳnh ở giường, người khuyến khích hoàng thuở ấy quốc gia giữa già";
        assertEquals(text, NORMALIZER.normalize(text));
    }

    @Test
    void textIsLowerCased() {
        assertEquals("đảng cộng sản việt nam, ubnd tp. hcm", NORMALIZER.normalize("ĐẢNG CỘNG SẢN VIỆT NAM, UBND TP. HCM"));
    }

    @Test
    void clutterLinesFromScrapedPagesAreRemoved() {
        String page = String.join("\n",
                "Xem với cở chữ : A- A A+",
                "Chia sẻ",
                "Giá cà phê lập đỉnh mới",
                "Loading...",
                "Responsive image",
                "0:00 / 0:00",
                "Nông dân Đắk Lắk vẫn chưa vội bán.",
                "Xem thêm",
                "Tin mới",
                "Xem thêm: Giá tiêu hôm nay",
                "Ảnh minh họa",
                "");
        assertEquals("giá cà phê lập đỉnh mới\nnông dân đắk lắk vẫn chưa vội bán.", NORMALIZER.normalize(page));
    }

    @Test
    void realSentencesContainingClutterWordsInsideALongerLineAreKept() {
        String text = String.join("\n",
                "Người dân có thể xem thêm thông tin trên Cổng dịch vụ công quốc gia.",
                "Nhiều trang tin mới được cấp phép trong năm nay.",
                "Đoạn video ghi lại vụ việc được chia sẻ rộng rãi trên mạng xã hội.");
        assertEquals(text.toLowerCase(java.util.Locale.ROOT), NORMALIZER.normalize(text));
    }

    @Test
    void aCaptionWithTheToneMarkOnTheOtherVowelIsStillClutter() {
        assertEquals("", NORMALIZER.normalize("Ảnh minh hoạ"));
        assertEquals("", NORMALIZER.normalize("Ảnh minh họa"));
        assertEquals("nội dung", NORMALIZER.normalize("Nội dung\nẢnh minh hoạ"));
    }

    @Test
    void aCaptionRepeatedTwiceInARowIsKeptOnce() {
        String text = "Lãnh đạo thành phố thăm hỏi người dân.\nẢnh: Quang Hùng\nẢnh: Quang Hùng\nBuổi làm việc kết thúc.";
        assertEquals("lãnh đạo thành phố thăm hỏi người dân.\nảnh: quang hùng\nbuổi làm việc kết thúc.", NORMALIZER.normalize(text));
    }

    @Test
    void aRepeatedLineCountsAsRepeatedAcrossSpacingCaseAndTonePlacement() {
        assertEquals("ảnh: hòa bình", NORMALIZER.normalize("Ảnh: Hoà  Bình\nẢNH: hòa bình "));
        assertEquals("ảnh: hòa bình", NORMALIZER.normalize("Ảnh: Hòa Bình\n\nẢnh: Hòa Bình"));
    }

    @Test
    void theSameLineFurtherApartIsKeptEachTime() {
        assertEquals("có.\nkhông.\ncó.", NORMALIZER.normalize("Có.\nKhông.\nCó."));
    }

    @Test
    void nonBreakingAndOtherSpacesBecomeOneSpace() {
        assertEquals("hà nội ngày 5", NORMALIZER.normalize("  Hà\u00A0Nội\u2009\u3000ngày \t 5\u202F "));
    }

    @Test
    void zeroWidthAndSoftHyphenCharactersDisappear() {
        assertEquals("hà nội", NORMALIZER.normalize("H\u200Bà N\u00ADội\u200C\u200D\u2060\uFEFF"));
    }

    @Test
    void aZeroWidthCharacterBetweenALetterAndItsToneMarkDoesNotBlockComposition() {
        assertEquals("ả", NORMALIZER.normalize("A\u200B\u0309"));
        assertEquals(NORMALIZER.normalize("Hà Nội"), NORMALIZER.normalize("Ha\u200B\u0300 No\u0302\u00AD\u0323i"));
    }

    @Test
    void curlyQuotesBecomeStraightQuotes() {
        assertEquals("\"tốt\" và 'ổn' \"được\" \"x\"", NORMALIZER.normalize("“Tốt” và ‘ổn’ «được» ″x″"));
        assertEquals("\"a\" \"b\" 'c' 'd'", NORMALIZER.normalize("“a” «b» ‘c’ `d´"));
    }

    @Test
    void enAndEmDashesAndMinusSignsBecomeHyphens() {
        assertEquals("hà nội - huế - đà nẵng 5-7 -3", NORMALIZER.normalize("Hà Nội – Huế — Đà Nẵng 5‒7 −3"));
    }

    @Test
    void anEllipsisCharacterBecomesThreeDots() {
        assertEquals("chờ đợi...", NORMALIZER.normalize("Chờ đợi…"));
    }

    @Test
    void windowsAndOldMacLineEndsBecomeNewlines() {
        assertEquals("một\nhai\nba\nbốn", NORMALIZER.normalize("Một\r\nHai\rBa\u2028Bốn"));
    }

    @Test
    void controlCharactersBecomeSpaces() {
        assertEquals("a b c", NORMALIZER.normalize("a\u0000b\u0007c"));
    }

    @Test
    void nullTextIsRefusedWithAClearMessage() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> NORMALIZER.normalize(null));
        assertEquals("text must not be null", e.getMessage());
    }

    @Test
    void normalisingTwiceChangesNothing() {
        String once = NORMALIZER.normalize(TITLE + "\n" + ARTICLE + "\nXem thêm\nẢnh: A\nẢnh: A");
        assertEquals(once, NORMALIZER.normalize(once));
    }

    @Test
    void everyCharacterOfTheFastTableMapsAsTheGeneralPathDoes() {
        int inTable = 0;
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String one = String.valueOf((char) c);
            char[] fast = TextNormalizer.tableCharacters(one);
            if (fast != null) {
                inTable++;
                assertArrayEquals(TextNormalizer.jdkCharacters(one), fast, "U+" + Integer.toHexString(c));
            }
        }
        assertTrue(inTable > 1200, "Latin, Vietnamese and punctuation are in the table: " + inTable);
        assertTrue(TextNormalizer.tableCharacters("ế ậ ữ Đ đ “x” – … \u00a0") != null, "Vietnamese text takes the fast path");
    }

    @Test
    void combiningMarksAndOtherScriptsTakeTheGeneralPath() {
        assertEquals(null, TextNormalizer.tableCharacters("e\u0302\u0301"));
        assertEquals(null, TextNormalizer.tableCharacters("\u1100\u1161"), "Hangul jamo compose under NFC");
        assertEquals(null, TextNormalizer.tableCharacters("\u212B"), "the Angstrom sign is not NFC");
        assertEquals(null, TextNormalizer.tableCharacters("\u0130"), "capital dotted I lower-cases to two characters");
    }

    @Test
    void randomTextNormalisesTheSameThroughTheTableAndThroughTheJdk() {
        java.util.Random random = new java.util.Random(17);
        String alphabet = "aăâeêioôơuưyđAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                + "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴbcdghklmnpqrstvxQG0123456789"
                + "  \t\n\r.,;:!?-/'\"()“”‘’–—…\u00a0\u200b\u00ad\u2028«»`´\u0007ßøæœ";
        for (int t = 0; t < 2000; t++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertArrayEquals(TextNormalizer.jdkCharacters(text), TextNormalizer.tableCharacters(text), text);
        }
    }
}
