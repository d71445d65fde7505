package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.nhan.features.ArticleFeatures;
import vn.nhan.features.FeatureConfig;
import vn.nhan.features.FeatureExtractor;
import java.util.List;

/** Both models' weights side by side score exactly as each model alone, whole article and passages. */
class PairedWeightsTest {
    private static LabelWeights random(int features, int labels, long seed) {
        Random r = new Random(seed);
        float[] w = new float[features * labels];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        float[] b = new float[labels];
        for (int l = 0; l < labels; l++) {
            b[l] = (float) r.nextGaussian();
        }
        return new LabelWeights(features, labels, w, b);
    }

    @Test
    void scoresEqualEachModelAloneOnTheWholeArticleAndEveryPassage() {
        String text = "Đội tuyển bóng đá thắng trận đấu vòng loại. Ngân hàng giảm lãi suất cho doanh nghiệp xuất khẩu. "
                .repeat(12) + "\nBệnh viện tăng cường tiêm chủng vắc xin cho bệnh nhân ở vùng sâu.";
        FeatureExtractor features = FeatureExtractor.fit(List.of(text, "bóng đá và ngân hàng", "bệnh viện tiêm chủng"),
                FeatureConfig.defaults().withMinDf(1));
        int dimension = features.dimension();
        LabelWeights a = random(dimension, 4, 1);
        LabelWeights b = random(dimension / 2, 4, 2); // a smaller table, as the neural one may be
        PairedWeights paired = new PairedWeights(a, b);
        for (boolean withPassages : new boolean[] {true, false}) {
            ArticleFeatures article = features.extractArticle("Tiêu đề bóng đá", text, false, withPassages);
            float[][][] both = paired.scoreArticle(article);
            float[][] aloneA = a.scoreArticle(article);
            float[][] aloneB = b.scoreArticle(article);
            assertEquals(article.passageCount() + 1, both[0].length);
            for (int row = 0; row < aloneA.length; row++) {
                for (int l = 0; l < 4; l++) {
                    assertEquals(aloneA[row][l], both[0][row][l], 1e-5);
                    assertEquals(aloneB[row][l], both[1][row][l], 1e-5);
                }
            }
            float[] direct = a.score(article.whole());
            for (int l = 0; l < 4; l++) {
                assertEquals(direct[l], both[0][0][l], 1e-5, "the gathered whole-article score equals the direct one");
            }
        }
    }

    @Test
    void refusesModelsOfDifferentLabelCounts() {
        assertThrows(IllegalArgumentException.class, () -> new PairedWeights(random(3, 2, 1), random(3, 3, 1)));
    }
}
