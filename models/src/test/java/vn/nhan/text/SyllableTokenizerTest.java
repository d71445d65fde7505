package vn.nhan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syllables, segments and number shapes of normalised text. */
class SyllableTokenizerTest {

    @Test
    void punctuationSplitsTheTextIntoSegments() {
        assertEquals(List.of(List.of("hà", "nội"), List.of("ngày", "5"), List.of("mưa", "lớn"), List.of("cảnh", "báo"),
                        List.of("khẩn"), List.of("ông", "a"), List.of("nói"), List.of("được")),
                SyllableTokenizer.segments("hà nội, ngày 5: mưa lớn! cảnh báo (khẩn) - ông a \"nói\": được."));
    }

    @Test
    void lineEndsSplitSegmentsAndSpacesDoNot() {
        assertEquals(List.of(List.of("một", "hai", "ba"), List.of("bốn", "năm")),
                SyllableTokenizer.segments("một hai  ba\nbốn năm"));
    }

    @Test
    void emptySegmentsAreDropped() {
        assertEquals(List.of(), SyllableTokenizer.segments(""));
        assertEquals(List.of(), SyllableTokenizer.segments(" ...,,; ! \n\n - "));
        assertEquals(List.of(List.of("a"), List.of("b")), SyllableTokenizer.segments("...a;;; ,b!!"));
    }

    @Test
    void covid19AndPartyDocumentNumbersStayOneToken() {
        assertEquals(List.of(List.of("phòng", "chống", "covid-19"), List.of("theo", "chỉ", "thị", "05-ct/tw")),
                SyllableTokenizer.segments("phòng chống covid-19; theo chỉ thị 05-ct/tw"));
    }

    @Test
    void aJoinerAtTheEdgeOfAWordOrBetweenSpacesStillSplits() {
        assertEquals(List.of(List.of("hà", "nội"), List.of("huế")), SyllableTokenizer.segments("hà nội - huế"));
        assertEquals(List.of(List.of("năm", "nay")), SyllableTokenizer.segments("năm nay."));
        assertEquals(List.of(List.of("a"), List.of("b")), SyllableTokenizer.segments("a- b"));
        assertEquals(List.of(List.of("a"), List.of("b")), SyllableTokenizer.segments("a /b"));
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource({
            "2020, 0000",
            "128, 000",
            "1.000.000, 0.000.000",
            "22/4/2024, 00/0/0000",
            "a320, a000",
            "12, 12",
            "5, 5",
            "h2o, h2o",
            "covid-19, covid-19",
            "05-ct/tw, 05-ct/tw",
    })
    void numbersOfThreeOrMoreDigitsBecomeTheirShape(String token, String shape) {
        assertEquals(List.of(shape), SyllableTokenizer.syllables(token));
    }

    @Test
    void syllablesListsEverySegmentInOrder() {
        assertEquals(List.of("năm", "0000", "tăng", "5", "lần"), SyllableTokenizer.syllables("năm 2020: tăng 5 lần."));
    }
}
