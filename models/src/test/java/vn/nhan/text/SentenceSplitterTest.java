package vn.nhan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences of Vietnamese news text: abbreviations, numbers, captions, lists, no punctuation. */
class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        SentenceSplitter.split(text, (start, end, endsLine) -> out.add(text.substring(start, end)));
        return out;
    }

    @Test
    void splitsAtSentenceEndsAndLineEnds() {
        assertEquals(List.of("Hội nghị bắt đầu lúc 8 giờ.", "Các đại biểu thảo luận sôi nổi!", "Có ai phản đối không?", "Quang cảnh hội nghị"),
                sentences("Hội nghị bắt đầu lúc 8 giờ. Các đại biểu thảo luận sôi nổi! Có ai phản đối không?\nQuang cảnh hội nghị"));
    }

    @Test
    void abbreviationsDoNotEndASentence() {
        assertEquals(List.of("Đoàn công tác của TP. Hồ Chí Minh làm việc với PGS. TS. Nguyễn Văn An tại Q. 1 và P. Bến Nghé.",
                        "Th.S. Lê Thị Hoa, Nxb. Chính trị quốc gia, cho biết thêm."),
                sentences("Đoàn công tác của TP. Hồ Chí Minh làm việc với PGS. TS. Nguyễn Văn An tại Q. 1 và P. Bến Nghé. "
                        + "Th.S. Lê Thị Hoa, Nxb. Chính trị quốc gia, cho biết thêm."));
        assertEquals(List.of("PGS.TS. Trần Minh nói.", "Xong."), sentences("PGS.TS. Trần Minh nói. Xong."));
    }

    @Test
    void abbreviationsAreFoundInLowerCaseNormalisedTextToo() {
        assertEquals(List.of("đoàn công tác của tp. hồ chí minh làm việc với ts. trần an.", "sau đó đoàn đi q. 3."),
                sentences("đoàn công tác của tp. hồ chí minh làm việc với ts. trần an. sau đó đoàn đi q. 3."));
    }

    @Test
    void datesAndNumbersDoNotEndASentence() {
        assertEquals(List.of("Ngày 12.3.2024, hơn 1.500 người dự, tăng 12,5% so với năm 2023.", "Tiếp theo là lễ trao giải."),
                sentences("Ngày 12.3.2024, hơn 1.500 người dự, tăng 12,5% so với năm 2023. Tiếp theo là lễ trao giải."));
    }

    @Test
    void captionsAndListItemsAreSentencesOfTheirOwn() {
        assertEquals(List.of("Quang cảnh hội nghị.", "Ảnh: Minh Châu", "- Một là, nâng cao nhận thức", "- Hai là, đổi mới nội dung.", "Hoàng Anh"),
                sentences("Quang cảnh hội nghị. Ảnh: Minh Châu\n- Một là, nâng cao nhận thức\n- Hai là, đổi mới nội dung.\n\nHoàng Anh"));
    }

    @Test
    void quotesAndBracketsAfterTheEndStayWithTheSentence() {
        assertEquals(List.of("Ông nói: \"Phải làm ngay.\"", "(Xem tiếp.)", "Hết"), sentences("Ông nói: \"Phải làm ngay.\" (Xem tiếp.) Hết"));
    }

    @Test
    void textWithoutPunctuationIsOneSentencePerLine() {
        assertEquals(List.of("hoi nghi tong ket cong tac tuyen giao nam 2024 dien ra sang nay", "dong chi truong ban phat bieu"),
                sentences("hoi nghi tong ket cong tac tuyen giao nam 2024 dien ra sang nay\ndong chi truong ban phat bieu"));
    }

    @Test
    void emptyAndPunctuationOnlyTextHasNoSentences() {
        assertEquals(List.of(), sentences(""));
        assertEquals(List.of(), sentences(" ... \n --- \n"));
    }

    @Test
    void reportsWhichSentencesEndALine() {
        List<Boolean> ends = new ArrayList<>();
        SentenceSplitter.split("Một. Hai.\nBa", (s, e, endsLine) -> ends.add(endsLine));
        assertEquals(List.of(false, true, true), ends);
    }
}
