package vn.nhan.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.nhan.data.Document;
import vn.nhan.data.Label;
import vn.nhan.data.Taxonomy;

/**
 * A tiny made-up Vietnamese corpus over three labels for fast training tests: each document draws
 * most of its words from its labels' word lists and the rest from common words, with a fixed seed.
 * Every sixth document carries two labels: 20 examples of {@link #SPORT} and {@link #ECONOMY}, 16 of
 * {@link #HEALTH} in 48 documents.
 */
public final class SyntheticCorpus {
    public static final String SPORT = "the-thao";
    public static final String ECONOMY = "kinh-te";
    public static final String HEALTH = "y-te";

    private static final List<String> LABELS = List.of(SPORT, ECONOMY, HEALTH);
    private static final List<List<String>> WORDS = List.of(
            List.of("bóng đá", "cầu thủ", "trận đấu", "huấn luyện viên", "đội tuyển", "bàn thắng", "giải vô địch",
                    "sân vận động", "thủ môn", "tiền đạo", "hiệp hai", "vòng loại"),
            List.of("lãi suất", "ngân hàng", "doanh nghiệp", "xuất khẩu", "lạm phát", "chứng khoán", "tăng trưởng",
                    "đầu tư", "giá vàng", "thị trường", "tỷ giá", "ngân sách"),
            List.of("bệnh viện", "bác sĩ", "bệnh nhân", "tiêm chủng", "vắc xin", "dịch bệnh", "khám chữa bệnh",
                    "sức khỏe", "điều trị", "thuốc men", "y tế cơ sở", "phòng khám"));
    private static final List<String> COMMON = List.of("hôm nay", "theo", "cho biết", "tại", "trong năm", "các",
            "người dân", "thành phố", "Hà Nội", "ngày", "mới", "và", "đã", "được", "nhiều");

    private SyntheticCorpus() {
    }

    public static Taxonomy taxonomy() {
        return new Taxonomy(List.of(
                new Label(SPORT, "Thể thao", "theme", "Bóng đá và các môn thể thao"),
                new Label(ECONOMY, "Kinh tế", "theme", "Kinh tế, tài chính"),
                new Label(HEALTH, "Y tế", "theme", "Y tế và sức khỏe")));
    }

    /** {@code n} documents generated with {@code seed}; labels cycle so each gets about n/3. */
    public static List<Document> documents(int n, long seed) {
        Random random = new Random(seed);
        List<Document> docs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int main = i % 3;
            List<Integer> labels = new ArrayList<>(List.of(main));
            if (i % 6 == 5) {
                labels.add((main + 1 + (i / 6) % 2) % 3);
            }
            StringBuilder text = new StringBuilder();
            int words = 14 + random.nextInt(8);
            for (int w = 0; w < words; w++) {
                String word = random.nextInt(10) < 7
                        ? pick(WORDS.get(labels.get(random.nextInt(labels.size()))), random)
                        : pick(COMMON, random);
                text.append(w == 0 ? capitalised(word) : word).append(w % 7 == 6 ? ". " : " ");
            }
            String title = i % 2 == 0 ? capitalised(pick(WORDS.get(main), random)) + " " + pick(COMMON, random) : null;
            docs.add(new Document("doc-" + i, title, text.toString().strip() + ".", labels.stream().map(LABELS::get).toList(),
                    "synthetic:" + (i + 1)));
        }
        return docs;
    }

    /** Small, fast settings: 3 folds and a 16-wide neural model trained for at most 5 epochs. */
    public static TrainingConfig config(ModelType type) {
        return TrainingConfig.defaults().withFolds(3).withModelType(type)
                .withNeural(new NeuralConfig(16, 2.0, 0.02, 8, 5, 2, 0.1));
    }

    private static String pick(List<String> words, Random random) {
        return words.get(random.nextInt(words.size()));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
