package vn.nhan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Canonical tone placement ({@link ToneMarks#canonicalize}) and diacritic removal ({@link ToneMarks#strip}). */
class ToneMarksTest {

    @ParameterizedTest(name = "{0} and {1} become {1}")
    @CsvSource({
            "hoà, hòa",
            "thuý, thúy",
            "khoẻ, khỏe",
            "uỷ, ủy",
            "hoạ, họa",
            "tuỳ, tùy",
            "loã, lõa",
            "xoè, xòe",
    })
    void bothTonePlacementsOfAnOpenSyllableMapToTheTraditionalForm(String modern, String traditional) {
        assertEquals(traditional, ToneMarks.canonicalize(modern));
        assertEquals(traditional, ToneMarks.canonicalize(traditional));
    }

    @ParameterizedTest
    @ValueSource(strings = {"quỳnh", "giường", "người", "khuyến", "hoàng", "thuở", "quốc", "quý", "giữa", "già", "gìn",
            "giếng", "ngoài", "xoáy", "khuya", "rượu", "tuyết", "hoạch", "thuế", "yếu", "điều", "mía", "mùa", "khuấy",
            "ngoẹo", "tuýt", "hoàn", "chuyện", "trường", "được", "việt", "nam", "a", "ủy", "ý"})
    void correctlyWrittenSyllablesAreLeftUnchanged(String syllable) {
        assertEquals(syllable, ToneMarks.canonicalize(syllable));
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({
            "hòang, hoàng",
            "hòan, hoàn",
            "qúy, quý",
            "gìa, già",
            "thủơ, thuở",
            "ngừơi, người",
            "khúyên, khuyến",
            "qụy, quỵ",
            "cưả, cửa",
            "nguỳên, nguyền",
    })
    void aToneOnTheWrongVowelMovesToTheCanonicalOne(String misplaced, String canonical) {
        assertEquals(canonical, ToneMarks.canonicalize(misplaced));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xyz", "bbc", "covid", "hóà", "héllo", "ámen", "tv", "đ"})
    void wordsThatAreNotVietnameseSyllablesAreReturnedAsTheyAre(String word) {
        assertEquals(word, ToneMarks.canonicalize(word));
    }

    @Test
    void everyVowelAloneIsAlreadyCanonical() {
        char[] vowels = ToneMarks.vowels();
        assertEquals(12 * 6, vowels.length);
        for (char v : vowels) {
            assertTrue(ToneMarks.isVowel(v), () -> v + " should be a vowel");
            assertEquals(String.valueOf(v), ToneMarks.canonicalize(String.valueOf(v)));
        }
    }

    @Test
    void consonantsUpperCaseLettersAndPunctuationAreNotVowels() {
        for (char c : new char[] {'b', 'đ', 'q', 'A', 'Ế', '1', ' ', '-', '\u0301', '\uFFFF'}) {
            assertFalse(ToneMarks.isVowel(c), () -> "'" + c + "' is not a lower-case Vietnamese vowel");
        }
    }

    @Test
    void stripRemovesEveryDiacriticAfterLowerCasing() {
        assertEquals("quy che phoi hop", ToneMarks.strip("Quy chế phối hợp".toLowerCase(Locale.ROOT)));
        assertEquals("Quy che phoi hop", ToneMarks.strip("Quy chế phối hợp"));
    }

    @Test
    void stripTurnsDWithStrokeIntoD() {
        assertEquals("dang uy dong y", ToneMarks.strip("đảng ủy đồng ý"));
        assertEquals("Dai hoi Dang", ToneMarks.strip("Đại hội Đảng"));
    }

    @Test
    void stripReducesEveryVowelToItsPlainLetter() {
        StringBuilder plain = new StringBuilder();
        for (char v : ToneMarks.vowels()) {
            plain.append(ToneMarks.strip(String.valueOf(v)));
        }
        assertTrue(plain.toString().matches("[aeiouy]+"), plain::toString);
        assertEquals("aaaeeiooouuy", ToneMarks.strip("aăâeêioôơuưy"));
        assertEquals("AAAEEIOOOUUY", ToneMarks.strip("ẶẤẲẺỄÍỌỐỞŨỰỸ"));
    }

    @Test
    void stripLeavesPlainTextDigitsAndPunctuationAlone() {
        String plain = "covid-19, 05-ct/tw: \"ok\" (2024)";
        assertSame(plain, ToneMarks.strip(plain));
        assertEquals("", ToneMarks.strip(""));
        assertEquals("tieng Viet – 日本", ToneMarks.strip("tiếng Việt – 日本"));
    }
}
