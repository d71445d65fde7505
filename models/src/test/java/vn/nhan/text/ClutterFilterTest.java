package vn.nhan.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which lower-cased lines {@link ClutterFilter} treats as web clutter. */
class ClutterFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"xem thêm", "xem thêm:", "xem thêm: giá vàng hôm nay tăng mạnh", "loading...", "loading",
            "đang tải...", "tin mới", "tin mới nhất", "bài liên quan", "tin cùng chuyên mục", "bài đọc nhiều",
            "responsive image", "image", "ảnh minh họa", "video", "0:00 / 0:00", "0:00/12:34", "12:34",
            "xem với cở chữ : a- a a+", "cỡ chữ", "a- a a+", "chia sẻ", "chia sẻ facebook zalo", "in bài viết",
            "share", "facebook twitter email", "trở về", "về đầu trang", "top", "lượt xem: 1234", "ngày đăng: 12/05/2024",
            "   ", "", "  tin mới  "})
    void clutterLinesFromScrapedPagesAreRecognised(String line) {
        assertTrue(ClutterFilter.isClutter(line), () -> "'" + line + "' should be clutter");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "người dân có thể xem thêm thông tin trên cổng dịch vụ công quốc gia.",
            "nhiều trang tin mới được cấp phép trong năm nay",
            "hình ảnh chia sẻ trên mạng xã hội gây xôn xao dư luận",
            "bộ y tế đang tải hướng dẫn mới lên cổng thông tin",
            "đoạn video ghi lại vụ tai nạn đã được chia sẻ rộng rãi",
            "ông cho biết sẽ lưu ý các địa phương",
            "thủ tướng chủ trì hội nghị",
            "a",
    })
    void realSentencesContainingThoseWordsAreKept(String line) {
        assertFalse(ClutterFilter.isClutter(line), () -> "'" + line + "' should be kept");
    }

    @Test
    void aLineLongerThanEightyCharactersIsNeverClutter() {
        String line = "xem thêm " + "tin tức ".repeat(10);
        assertTrue(line.length() > 80);
        assertFalse(ClutterFilter.isClutter(line));
        assertTrue(ClutterFilter.isClutter("xem thêm " + "tin tức ".repeat(5)));
    }
}
