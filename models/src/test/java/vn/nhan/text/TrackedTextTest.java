package vn.nhan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** normalizeTracked: the same text as normalize, and offsets that lead back to what was sent. */
class TrackedTextTest {
    private static final TextNormalizer N = TextNormalizer.standard();
    private static final String ARTICLE = "  Hội nghị   sơ kết 6 tháng đầu năm…\r\nXem thêm\nQuang cảnh hội nghị. Ảnh: Minh Châu\n"
            + "Quang cảnh hội nghị. Ảnh: Minh Châu\n“Phải làm ngay” – đồng chí Trưởng ban nói.\u200B Hoà thuận, thuý.";

    @Test
    void givesExactlyTheNormalisedText() {
        for (String raw : List.of(ARTICLE, Normalizer.normalize(ARTICLE, Normalizer.Form.NFD), "", "   ", "a\n\n\nb", "Ελληνικά ΟΔΟΣ", "x\u0301y")) {
            assertEquals(N.normalize(raw), N.normalizeTracked(raw).text(), raw);
        }
    }

    @Test
    void givesTheSameTextOnRandomStrings() {
        Random random = new Random(7);
        String alphabet = "aăâeêioôơuưyđáàảãạắằẳẵặấầẩẫậ AĂÂĐ .,;:!?\n\r\t\u00A0\u2026\u201C\u201D\u2013-\u0301\u0300\u0303\u0309\u0323";
        for (int t = 0; t < 2000; t++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < random.nextInt(40); i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String raw = b.toString();
            assertEquals(N.normalize(raw), N.normalizeTracked(raw).text(), "on " + raw.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }

    @Test
    void rangesMapBackToTheCharactersTheyCameFrom() {
        for (String raw : List.of(ARTICLE, Normalizer.normalize(ARTICLE, Normalizer.Form.NFD))) {
            TrackedText t = N.normalizeTracked(raw);
            String text = t.text();
            int at = text.indexOf("đồng chí trưởng ban");
            int end = at + "đồng chí trưởng ban".length();
            String back = raw.substring(t.rawStart(at), t.rawEnd(raw, end));
            assertEquals("đồng chí Trưởng ban", Normalizer.normalize(back, Normalizer.Form.NFC));
            int caption = text.indexOf("quang cảnh");
            assertEquals("Quang cảnh", Normalizer.normalize(raw.substring(t.rawStart(caption), t.rawEnd(raw, caption + 10)), Normalizer.Form.NFC));
        }
    }

    @Test
    void anEllipsisMapsToTheOneCharacterItCameFrom() {
        String raw = "năm…";
        TrackedText t = N.normalizeTracked(raw);
        assertEquals("năm...", t.text());
        assertEquals(raw, raw.substring(t.rawStart(0), t.rawEnd(raw, t.text().length())));
    }
}
