package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The classification API against a real server on a random port. */
class ClassifyApiTest extends RunningServer {
    static final String REVIEW = "Sáng 12/3, Ban Tuyên giáo Tỉnh ủy họp sơ kết sáu tháng đầu năm về công tác tuyên giáo, "
            + "đánh giá kết quả nửa đầu năm, chỉ ra hạn chế và bàn phương hướng, nhiệm vụ cho những tháng còn lại của năm.";
    @Test
    void classifyReturnsTheLabelsThatPassTheirThresholdsBestFirst() {
        Http.Response r = http.postJson("/v1/classify", Http.json(Map.of("text", REVIEW)));
        assertEquals(200, r.status(), r.body());
        JsonNode body = r.json();
        assertTrue(body.get("model").get("id").asText().startsWith("nhan-ensemble-"));
        assertEquals("review-conference", body.get("labels").get(0).get("id").asText(), r.body());
        assertEquals("Hội nghị sơ kết, tổng kết", body.get("labels").get(0).get("name").asText());
        assertEquals(15, body.get("scores").size());
        double previous = 1;
        for (JsonNode label : body.get("labels")) {
            assertTrue(label.get("score").asDouble() <= previous);
            previous = label.get("score").asDouble();
        }
        assertTrue(body.get("elapsed_ms").asDouble() >= 0);
    }

    @Test
    void aGivenThresholdReplacesThePerLabelOnesAndTopKLimitsTheLabels() {
        JsonNode all = http.postJson("/v1/classify", Http.json(Map.of("text", REVIEW, "threshold", 0.0))).json();
        assertEquals(15, all.get("labels").size());
        JsonNode two = http.postJson("/v1/classify", Http.json(Map.of("text", REVIEW, "threshold", 0.0, "top_k", 2))).json();
        assertEquals(2, two.get("labels").size());
        assertEquals(all.get("labels").get(0).get("id"), two.get("labels").get(0).get("id"));
    }

    @Test
    void explainListsTheNgramsBehindEachLabel() {
        JsonNode body = http.postJson("/v1/classify", Http.json(Map.of("text", REVIEW, "explain", true))).json();
        JsonNode review = null;
        for (JsonNode label : body.get("labels")) {
            if (label.get("id").asText().equals("review-conference")) {
                review = label;
            }
        }
        assertTrue(review != null, body.toString());
        JsonNode ngrams = review.get("ngrams");
        assertTrue(ngrams.size() > 0, body.toString());
        List<String> texts = new ArrayList<>();
        ngrams.forEach(n -> texts.add(n.get("ngram").asText()));
        assertTrue(texts.stream().anyMatch(t -> t.contains("sơ kết")), texts.toString());
        assertFalse(http.postJson("/v1/classify", Http.json(Map.of("text", REVIEW))).json().get("labels").get(0).has("ngrams"));
    }

    private static JsonNode label(JsonNode body, String id) {
        for (JsonNode label : body.get("labels")) {
            if (label.get("id").asText().equals(id)) {
                return label;
            }
        }
        throw new AssertionError(id + " not among the labels: " + body);
    }

    private static void assertEvidenceOffsets(JsonNode label, String title, String text) {
        JsonNode evidence = label.get("evidence");
        assertTrue(evidence.size() >= 1 && evidence.size() <= 3, label.toString());
        for (JsonNode e : evidence) {
            String field = e.get("field").asText().equals("title") ? title : text;
            assertEquals(e.get("text").asText(), field.substring(e.get("start").asInt(), e.get("end").asInt()), label.toString());
            assertTrue(e.get("score").asDouble() >= 0 && e.get("score").asDouble() <= 1);
        }
    }

    static final String NEWS = "Giá lúa tại đồng bằng sông Cửu Long tăng nhẹ trong tuần qua, thương lái thu mua mạnh ở nhiều địa phương. "
            + "Tại các chợ đầu mối, giá rau xanh cũng nhích lên do mưa kéo dài.\n";

    @Test
    void explainGivesTheEvidencePassageOfEachLabelWithOffsetsIntoTheText() {
        String text = NEWS + REVIEW + "\n" + NEWS;
        JsonNode body = http.postJson("/v1/classify", Http.json(Map.of("text", text, "explain", true))).json();
        JsonNode review = label(body, "review-conference");
        assertEvidenceOffsets(review, null, text);
        assertTrue(review.get("evidence").get(0).get("text").asText().contains("sơ kết"), review.toString());
    }

    @Test
    void evidenceOffsetsHoldOnNfdAndUnaccentedText() {
        String nfd = java.text.Normalizer.normalize(NEWS + REVIEW, java.text.Normalizer.Form.NFD);
        JsonNode body = http.postJson("/v1/classify", Http.json(Map.of("text", nfd, "explain", true))).json();
        assertEvidenceOffsets(label(body, "review-conference"), null, nfd);
        String plain = "Sang 12/3, Ban Tuyen giao Tinh uy hop so ket sau thang dau nam ve cong tac tuyen giao, danh gia ket qua nua dau nam, "
                + "chi ra han che va ban phuong huong, nhiem vu cho nhung thang con lai cua nam.";
        JsonNode plainBody = http.postJson("/v1/classify", Http.json(Map.of("text", plain, "explain", true, "threshold", 0.3))).json();
        assertEvidenceOffsets(label(plainBody, "review-conference"), null, plain);
    }

    @Test
    void aTitleOnlyHitHasItsEvidenceInTheTitle() {
        String title = "Ban Tuyên giáo Tỉnh ủy sơ kết công tác tuyên giáo sáu tháng đầu năm";
        JsonNode body = http.postJson("/v1/classify", Http.json(Map.of("title", title, "text", NEWS, "explain", true, "threshold", 0.3))).json();
        JsonNode review = label(body, "review-conference");
        assertEvidenceOffsets(review, title, NEWS);
        JsonNode best = review.get("evidence").get(0);
        assertEquals("title", best.get("field").asText());
        assertEquals(title, best.get("text").asText());
    }

    @Test
    void textWithoutDiacriticsGetsTheSameMainLabel() {
        String plain = "Sang 12/3, Ban Tuyen giao Tinh uy to chuc hoi nghi so ket cong tac tuyen giao 6 thang dau nam, "
                + "trien khai phuong huong, nhiem vu 6 thang cuoi nam.";
        JsonNode body = http.postJson("/v1/classify", Http.json(Map.of("text", plain))).json();
        assertEquals("review-conference", body.get("labels").get(0).get("id").asText(), body.toString());
    }

    @Test
    void anOffTopicArticleMayGetNoLabel() {
        String text = "Giá xăng RON95 giảm 300 đồng mỗi lít từ 15 giờ chiều nay. Giá dầu diesel giữ nguyên, "
                + "các cửa hàng bán lẻ đồng loạt niêm yết giá mới. Thị trường chứng khoán tăng điểm nhẹ trong phiên chiều.";
        JsonNode body = http.postJson("/v1/classify", Http.json(Map.of("text", text))).json();
        assertEquals(0, body.get("labels").size(), body.toString());
    }

    @Test
    void batchAnswersInOrderWithEachId() {
        List<Map<String, Object>> docs = List.of(Map.of("id", "a", "text", REVIEW), Map.of("id", "b", "title", "Bóng đá", "text", "Đội tuyển thắng 2-0 trong trận giao hữu tối qua."),
                Map.of("text", "Bộ CHQS tỉnh tổ chức lễ giao nhận quân năm 2024."));
        Http.Response r = http.postJson("/v1/classify/batch", Http.json(Map.of("documents", docs)));
        assertEquals(200, r.status(), r.body());
        JsonNode results = r.json().get("results");
        assertEquals(3, results.size());
        assertEquals("a", results.get(0).get("id").asText());
        assertEquals("b", results.get(1).get("id").asText());
        assertEquals("2", results.get(2).get("id").asText(), "a document without id gets its position");
        assertEquals("review-conference", results.get(0).get("labels").get(0).get("id").asText());
        JsonNode single = http.postJson("/v1/classify", Http.json(Map.of("text", REVIEW))).json();
        assertEquals(single.get("scores"), results.get(0).get("scores"), "batch and single give the same scores");
    }

    @Test
    void labelsAndModelDescribeWhatIsServed() {
        JsonNode labels = http.get("/v1/labels").json();
        assertEquals(15, labels.get("labels").size());
        JsonNode first = labels.get("labels").get(0);
        assertEquals("review-conference", first.get("id").asText());
        assertTrue(first.get("threshold").asDouble() > 0 && first.get("threshold").asDouble() < 1);
        JsonNode model = http.get("/v1/model").json();
        assertEquals(labels.get("model").get("id"), model.get("id"));
        assertEquals(64, model.get("training_data").get("sha256").asText().length());
        assertTrue(model.get("metrics").get("cross_validation").has("ensemble"));
        assertTrue(model.has("created") && model.has("version") && model.has("loaded_at"));
    }
}
