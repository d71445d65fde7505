package vn.nhan.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises lines of web clutter that scraped news pages carry: "Xem thêm", "Loading...",
 * "Tin mới", image placeholders, media-player timestamps, font-size widgets, share buttons.
 * Lines are matched after NFC, punctuation unification, lower-casing and canonical tone placement.
 */
final class ClutterFilter {
    /** Lines longer than this (after stripping) are never clutter. */
    static final int MAX_LENGTH = 80;
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("xem thêm\\b.*"),
            Pattern.compile("loading\\W*"),
            Pattern.compile("đang tải\\W*"),
            Pattern.compile("(tin|bài) (mới|mới nhất|liên quan|cùng chuyên mục|khác|đọc nhiều)\\W*"),
            Pattern.compile("(responsive )?image|mask|icon|photo|video|ảnh minh họa|hình minh họa"),
            Pattern.compile("[\\d:]+\\s*(/\\s*[\\d:]+)?"),
            Pattern.compile("(xem với )?c[ởỡơ] chữ\\b.*"),
            Pattern.compile("a-?\\s*a\\s*a\\+"),
            Pattern.compile("(chia sẻ|in bài( viết)?|bình luận|gửi bài|lưu|share|print|email|facebook|zalo|twitter|tweet|like)(\\W+(chia sẻ|in bài( viết)?|bình luận|share|print|email|facebook|zalo|twitter|tweet|like))*\\W*"),
            Pattern.compile("(trở về|quay lại|về đầu trang|trang chủ|top)\\W*"),
            Pattern.compile("(ngày đăng|cập nhật|lượt xem)\\s*:?.{0,30}"));

    private ClutterFilter() {
    }

    static boolean isClutter(String lowerLine) {
        String line = lowerLine.strip();
        if (line.isEmpty()) {
            return true;
        }
        if (line.length() > MAX_LENGTH) {
            return false;
        }
        for (Pattern p : PATTERNS) {
            if (p.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }
}
