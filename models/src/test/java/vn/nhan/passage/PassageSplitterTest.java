package vn.nhan.passage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Passages: sentences grouped to 40..80 words, cut at sentence ends; the title alone; long sentences cut. */
class PassageSplitterTest {
    private static final PassageSplitter SPLITTER = new PassageSplitter(PassageConfig.defaults());

    /** A sentence of {@code words} words, the last one "xong" (a one-letter word before the dot would read as an initial). */
    private static String sentence(int words, String word) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words - 1; i++) {
            b.append(i == 0 ? "" : " ").append(word);
        }
        return b.append(words > 1 ? " " : "").append("xong.").toString();
    }

    private static List<String> texts(String text, Passages p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            out.add(text.substring(p.start(i), p.end(i)));
        }
        return out;
    }

    @Test
    void groupsSentencesUntilAPassageHoldsTheMinimum() {
        String text = String.join(" ", sentence(15, "a"), sentence(15, "b"), sentence(15, "c"), sentence(15, "d"), sentence(15, "e"),
                sentence(15, "f"));
        Passages p = SPLITTER.split(text, false);
        assertEquals(2, p.size());
        assertEquals(45, p.words(0));
        assertEquals(45, p.words(1));
        assertTrue(texts(text, p).get(0).endsWith("c c xong."), "cut at a sentence end");
        assertFalse(p.firstIsTitle());
    }

    @Test
    void neverPassesTheMaximumWithWholeSentences() {
        String text = String.join(" ", sentence(30, "a"), sentence(30, "b"), sentence(30, "c"));
        Passages p = SPLITTER.split(text, false);
        for (int i = 0; i < p.size(); i++) {
            assertTrue(p.words(i) <= 80, "passage " + i + " has " + p.words(i) + " words");
        }
        assertEquals(List.of(60, 30), List.of(p.words(0), p.words(1)));
    }

    @Test
    void theTitleIsAPassageOfItsOwn() {
        String text = "Hội nghị tổng kết công tác tuyên giáo\n" + sentence(50, "x");
        Passages p = SPLITTER.split(text, true);
        assertTrue(p.firstIsTitle());
        assertEquals(List.of("Hội nghị tổng kết công tác tuyên giáo", sentence(50, "x")), texts(text, p));
    }

    @Test
    void aSentenceLongerThanTheMaximumIsCutAtSpacesIntoEvenPieces() {
        String text = sentence(200, "chữ").replace(".", "");
        Passages p = SPLITTER.split(text, false);
        assertEquals(3, p.size());
        assertEquals(200, p.words(0) + p.words(1) + p.words(2));
        for (int i = 0; i < p.size(); i++) {
            assertTrue(p.words(i) >= 60 && p.words(i) <= 80, "piece of " + p.words(i) + " words");
            assertFalse(texts(text, p).get(i).startsWith(" ") || texts(text, p).get(i).endsWith(" "));
        }
    }

    @Test
    void aShortLastPieceJoinsThePassageBefore() {
        String text = String.join(" ", sentence(45, "a"), sentence(5, "b"));
        Passages p = SPLITTER.split(text, false);
        assertEquals(1, p.size());
        assertEquals(50, p.words(0));
    }

    @Test
    void aParagraphEndClosesAPassageThatIsNearlyFull() {
        String text = sentence(32, "a") + "\n" + sentence(32, "b");
        Passages p = SPLITTER.split(text, false);
        assertEquals(2, p.size());
        assertEquals(List.of(sentence(32, "a"), sentence(32, "b")), texts(text, p));
    }

    @Test
    void passagesAreOrderedAndDoNotOverlap() {
        StringBuilder b = new StringBuilder("Tiêu đề bài báo\n");
        for (int i = 0; i < 40; i++) {
            b.append(sentence(3 + (i * 7) % 23, "t")).append(i % 5 == 4 ? "\n" : " ");
        }
        String text = b.toString();
        Passages p = SPLITTER.split(text, true);
        for (int i = 1; i < p.size(); i++) {
            assertTrue(p.start(i) >= p.end(i - 1), "passage " + i + " overlaps the one before");
        }
        assertEquals(0, p.indexOf(0));
        assertEquals(p.size() - 1, p.indexOf(text.length() - 1));
        assertEquals(-1, new PassageSplitter(PassageConfig.defaults()).split("", false).indexOf(0));
    }

    @Test
    void settingsAreChecked() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new PassageConfig(0, 10));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new PassageConfig(50, 40));
    }
}
