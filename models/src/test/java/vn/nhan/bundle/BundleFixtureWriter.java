package vn.nhan.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.nhan.data.Document;
import vn.nhan.model.Classifier;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.model.ModelType;
import vn.nhan.model.Prediction;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.SyntheticCorpus;
import vn.nhan.model.TagOptions;
import vn.nhan.model.Tagger;
import vn.nhan.model.TrainingConfig;
import vn.nhan.model.TrainingResult;
import vn.nhan.passage.PassageConfig;

/**
 * Writes the compatibility fixture of the current bundle format: a tiny ensemble trained on the
 * synthetic corpus, saved under {@code <dir>/model}, and the scores this code gives a few fixed
 * texts in {@code <dir>/expected-scores.json}. Run once per release that changes the format, and
 * commit the result under {@code src/test/resources/fixtures/bundle-format-N}; from then on
 * {@link BundleCompatibilityTest} checks that later code loads that bundle and scores it the same.
 *
 * <pre>mvn -o -q test-compile -pl models &amp;&amp; java -cp "models/target/test-classes:models/target/classes:$(cat cp.txt)" \
 *     vn.nhan.bundle.BundleFixtureWriter models/src/test/resources/fixtures/bundle-format-2</pre>
 */
public final class BundleFixtureWriter {
    /** Texts scored into the fixture: one per label, a mixed one, a long one with passages, an unknown word. */
    static final List<String[]> CASES = List.of(
            new String[] {"Thể thao", "Đội tuyển bóng đá thắng trận đấu vòng loại nhờ bàn thắng của tiền đạo. Thủ môn cứu thua ở hiệp hai."},
            new String[] {null, "Ngân hàng giảm lãi suất, doanh nghiệp xuất khẩu hưởng lợi. Thị trường chứng khoán tăng trưởng."},
            new String[] {"Y tế", "Bệnh viện tăng cường tiêm chủng vắc xin cho bệnh nhân. Bác sĩ khuyên người dân giữ sức khỏe."},
            new String[] {null, "Hôm nay tại Hà Nội các doanh nghiệp bàn về đầu tư và ngân sách trong năm. Tỷ giá và giá vàng ổn định. "
                    + "Lạm phát được kiểm soát theo ngân hàng. Người dân thành phố cho biết thị trường mới sôi động. "
                    + "Cũng trong ngày, bệnh viện thành phố khám chữa bệnh miễn phí, bác sĩ điều trị và phát thuốc men cho bệnh nhân."},
            new String[] {null, "xyzzy"});

    private BundleFixtureWriter() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BundleFixtureWriter OUTPUT_DIR");
        }
        Path out = Path.of(args[0]);
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists: a fixture is never overwritten");
        }
        List<Document> docs = SyntheticCorpus.documents(48, 1);
        TrainingConfig config = SyntheticCorpus.config(ModelType.ENSEMBLE).withPassages(new PassageConfig(5, 12));
        TrainingResult result = new ClassifierTrainer(config, ProgressListener.SILENT).train(docs, SyntheticCorpus.taxonomy());
        ModelBundle bundle = ModelBundle.save(result, config, TrainingData.of(docs, List.of("synthetic.jsonl")), out.resolve("model"));
        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("about", "Scores of the format-" + ModelBundle.FORMAT_VERSION + " bundle in model/, computed by the code that saved it"
                + " (BundleFixtureWriter); see BundleCompatibilityTest");
        fixture.put("cases", cases(bundle.classifier()));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("expected-scores.json").toFile(), fixture);
        System.out.println("wrote " + out + " (passage weight " + bundle.classifier().passages().weight() + ")");
    }

    private static List<Map<String, Object>> cases(Classifier c) {
        Tagger tagger = new Tagger(c);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String[] k : CASES) {
            String title = k[0];
            String text = k[1];
            var x = c.features().extract(title, text);
            Prediction explained = tagger.tag(title, text, new TagOptions(null, 3, true, true));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", title);
            row.put("text", text);
            row.put("scores", c.predict(title, text).scores());
            Map<String, float[]> whole = new LinkedHashMap<>();
            for (ModelType type : c.modelTypes()) {
                whole.put(type.id(), c.scores(List.of(x), type)[0]);
            }
            row.put("whole_article_scores", whole);
            row.put("raw_neural_scores", c.neural().score(x));
            row.put("raw_linear_scores", c.linear().score(x));
            row.put("labels", c.predict(title, text).labels().stream().map(Prediction.LabelScore::id).toList());
            row.put("evidence", evidence(explained));
            cases.add(row);
        }
        return cases;
    }

    /** Each label's evidence as the fixture keeps it: the label and its passages' (field, start, end). */
    static List<Map<String, Object>> evidence(Prediction p) {
        return p.labels().stream().map(l -> Map.<String, Object>of("label", l.id(),
                "passages", l.evidence().stream().map(e -> List.of(e.field(), e.start(), e.end())).toList())).toList();
    }
}
