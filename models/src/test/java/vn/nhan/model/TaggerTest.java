package vn.nhan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.nhan.data.Document;

/** The one tagging path: passages blended, thresholds and top_k, evidence offsets on NFC, NFD and unaccented input. */
class TaggerTest {
    private static Tagger tagger;
    private static final String OFF_TOPIC = "Trời hôm nay nắng nhẹ, gió thổi mát, người dân đi dạo quanh hồ đông vui. "
            + "Chợ phiên cuối tuần bày bán rau quả, hoa tươi và đồ thủ công của các làng nghề lân cận. ";
    private static final String SPORT = "Đội tuyển bóng đá thắng trận đấu vòng loại nhờ bàn thắng của tiền đạo trong hiệp hai, "
            + "huấn luyện viên khen thủ môn và các cầu thủ trên sân vận động.";

    @BeforeAll
    static void train() {
        TrainingResult result = new ClassifierTrainer(SyntheticCorpus.config(ModelType.ENSEMBLE), ProgressListener.SILENT)
                .train(SyntheticCorpus.documents(60, 3), SyntheticCorpus.taxonomy());
        tagger = new Tagger(result.classifier());
    }

    private static Prediction.LabelScore label(Prediction p, String id) {
        return p.labels().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not predicted: " + p.labels()));
    }

    private static void assertEvidencePointsInto(String title, String text, Prediction.LabelScore label) {
        assertFalse(label.evidence().isEmpty(), label.toString());
        assertTrue(label.evidence().size() <= TagOptions.MAX_EVIDENCE);
        for (Evidence e : label.evidence()) {
            String field = e.field().equals(Evidence.TITLE) ? title : text;
            assertEquals(e.text(), field.substring(e.start(), e.end()), "evidence offsets of " + label.id());
            assertTrue(e.score() >= 0 && e.score() <= 1);
        }
    }

    @Test
    void evidenceIsThePassageThatCarriesTheLabelInsideALongArticle() {
        String text = OFF_TOPIC.repeat(4) + SPORT + " " + OFF_TOPIC.repeat(4);
        Prediction p = tagger.tag(null, text, TagOptions.defaults().withExplain(true));
        Prediction.LabelScore sport = label(p, SyntheticCorpus.SPORT);
        assertEvidencePointsInto(null, text, sport);
        Evidence best = sport.evidence().get(0);
        assertEquals(Evidence.TEXT, best.field());
        assertTrue(best.text().contains("bàn thắng"), best.text());
        assertTrue(best.start() >= OFF_TOPIC.length() * 3, "the evidence is the sport passage, not the start: " + best);
    }

    @Test
    void offsetsHoldOnNfdInput() {
        String text = Normalizer.normalize(OFF_TOPIC + SPORT + " " + OFF_TOPIC, Normalizer.Form.NFD);
        Prediction p = tagger.tag(null, text, TagOptions.defaults().withExplain(true));
        Prediction.LabelScore sport = label(p, SyntheticCorpus.SPORT);
        assertEvidencePointsInto(null, text, sport);
        assertTrue(Normalizer.normalize(sport.evidence().get(0).text(), Normalizer.Form.NFC).contains("bàn thắng"));
        assertEquals(tagger.tag(null, Normalizer.normalize(text, Normalizer.Form.NFC), TagOptions.defaults()).scores()[0], p.scores()[0], 1e-6);
    }

    @Test
    void offsetsHoldOnUnaccentedInput() {
        String text = "Troi hom nay nang nhe, nguoi dan di dao quanh ho. Doi tuyen bong da thang tran dau vong loai nho ban thang cua tien dao, "
                + "cau thu va thu mon choi hay tren san van dong.";
        Prediction p = tagger.tag(null, text, TagOptions.defaults().withExplain(true).withThreshold(0.3f));
        Prediction.LabelScore sport = label(p, SyntheticCorpus.SPORT);
        assertEvidencePointsInto(null, text, sport);
    }

    @Test
    void aTitleOnlyHitIsEvidenceInTheTitle() {
        String title = "Đội tuyển bóng đá thắng trận đấu vòng loại";
        String text = OFF_TOPIC + OFF_TOPIC;
        Prediction p = tagger.tag(title, text, TagOptions.defaults().withExplain(true).withThreshold(0.2f));
        Prediction.LabelScore sport = label(p, SyntheticCorpus.SPORT);
        assertEvidencePointsInto(title, text, sport);
        Evidence best = sport.evidence().get(0);
        assertEquals(Evidence.TITLE, best.field());
        assertEquals(title, best.text());
        assertEquals(0, best.start());
        assertEquals(title.length(), best.end());
    }

    @Test
    void termsAreWholeWordsNeverASyllableOfALongerOne() {
        Prediction p = tagger.tag(null, OFF_TOPIC + SPORT, TagOptions.defaults().withExplain(true));
        Prediction.LabelScore sport = label(p, SyntheticCorpus.SPORT);
        List<String> terms = sport.terms().stream().map(TermWeight::ngram).toList();
        assertFalse(terms.isEmpty());
        for (String syllable : List.of("bóng", "đá", "cầu", "thủ", "trận", "đấu", "tiền", "đạo", "thắng", "bàn")) {
            assertFalse(terms.contains(syllable), syllable + " shown alone: " + terms);
        }
        assertTrue(terms.stream().anyMatch(t -> Set.of("bóng đá", "cầu thủ", "trận đấu", "tiền đạo", "bàn thắng", "đội tuyển", "thủ môn",
                "vòng loại", "hiệp hai").contains(t)), terms.toString());
        assertTrue(sport.terms().size() <= TagOptions.MAX_TERMS);
    }

    @Test
    void withoutExplainThereIsNoEvidenceAndTheScoresAreTheSame() {
        String text = OFF_TOPIC + SPORT;
        Prediction plain = tagger.tag(null, text, TagOptions.defaults());
        Prediction explained = tagger.tag(null, text, TagOptions.defaults().withExplain(true));
        assertTrue(plain.labels().stream().allMatch(l -> l.evidence().isEmpty() && l.terms().isEmpty()));
        for (int l = 0; l < plain.scores().length; l++) {
            assertEquals(plain.scores()[l], explained.scores()[l], 1e-6);
        }
    }

    @Test
    void topKAndThresholdShapeTheLabels() {
        String text = SPORT + " Ngân hàng giảm lãi suất, doanh nghiệp xuất khẩu hưởng lợi. Bệnh viện tiêm chủng vắc xin cho bệnh nhân.";
        Prediction all = tagger.tag(null, text, TagOptions.defaults().withThreshold(0f));
        assertEquals(3, all.labels().size());
        Prediction top1 = tagger.tag(null, text, new TagOptions(0f, 1, false, true));
        assertEquals(1, top1.labels().size());
        assertEquals(all.labels().get(0).id(), top1.labels().get(0).id());
    }

    @Test
    void tagAllAnswersInOrderAsSingleCallsDo() {
        List<Document> docs = List.of(new Document("a", null, SPORT, List.of()), new Document("b", "Giá vàng", OFF_TOPIC, List.of()),
                new Document("c", null, "Ngân hàng giảm lãi suất cho doanh nghiệp.", List.of()));
        List<Prediction> batch = tagger.tagAll(docs, TagOptions.defaults());
        for (int i = 0; i < docs.size(); i++) {
            Prediction single = tagger.tag(docs.get(i).title(), docs.get(i).text(), TagOptions.defaults());
            assertEquals(single.labels().stream().map(Prediction.LabelScore::id).toList(), batch.get(i).labels().stream().map(Prediction.LabelScore::id).toList());
        }
    }

    @Test
    void passagesRaiseTheScoreOfALabelThatRestsOnOnePassage() {
        String text = OFF_TOPIC.repeat(6) + SPORT + " " + OFF_TOPIC.repeat(6);
        Classifier c = tagger.classifier();
        ArticleScores s = c.score(c.features().extractArticle(null, text, false), c.type());
        int sport = c.taxonomy().indexOf(SyntheticCorpus.SPORT);
        float best = 0;
        for (float[] passage : s.passages()) {
            best = Math.max(best, passage[sport]);
        }
        assertTrue(best > s.whole()[sport], "best passage " + best + " vs whole " + s.whole()[sport]);
    }
}
