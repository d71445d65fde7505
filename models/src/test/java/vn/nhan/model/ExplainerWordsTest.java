package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Joining syllables into words by bigram cohesion: strongest pairs first, chains for names. */
class ExplainerWordsTest {

    @Test
    void theStrongerPairWinsASharedSyllable() {
        // "sơ kết công tác": sơ-kết 0.3, kết-công 0.02, công-tác 0.6 -> "sơ kết" + "công tác"
        assertArrayEquals(new boolean[] {true, false, true}, Explainer.joinWords(new double[] {0.3, 0.02, 0.6}));
        // "hội nghị sơ kết": hội-nghị 0.7, nghị-sơ 0.09, sơ-kết 0.3: "nghị" stays in "hội nghị"
        assertArrayEquals(new boolean[] {true, false, true}, Explainer.joinWords(new double[] {0.7, 0.09, 0.3}));
    }

    @Test
    void weakPairsStayApart() {
        assertArrayEquals(new boolean[] {false, false}, Explainer.joinWords(new double[] {0.05, 0.01}));
    }

    @Test
    void aStronglyCohesiveSyllableJoinsANeighbouringWord() {
        // "hồ chí minh": chí-minh 0.9 pairs first, then hồ-chí 0.8 chains: one word of three syllables
        assertArrayEquals(new boolean[] {true, true}, Explainer.joinWords(new double[] {0.8, 0.9}));
        // two words never merge; a syllable left alone joins its neighbour word
        assertArrayEquals(new boolean[] {true, false, true, true}, Explainer.joinWords(new double[] {0.9, 0.5, 0.9, 0.5}));
        // singletons on both sides chain onto a word: four syllables
        assertArrayEquals(new boolean[] {true, true, true}, Explainer.joinWords(new double[] {0.4, 0.9, 0.4}));
    }

    @Test
    void noSyllablesNoWords() {
        assertArrayEquals(new boolean[0], Explainer.joinWords(new double[0]));
    }
}
