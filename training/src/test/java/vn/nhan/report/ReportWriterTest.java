package vn.nhan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluator;

/**
 * Writes the reports of a small hand-made evaluation and reads them back.
 *
 * <pre>
 * labels a, b, c; thresholds 0.5
 *        gold      scores (a, b, c)    predicted
 *   d0   {a, b}    0.9  0.4  0.2       {a}
 *   d1   {b}       0.8  0.7  0.1       {a, b}
 *   d2   {}        0.1  0.2  0.3       {}
 *   d3   {a, c}    0.3  0.3  0.7       {c}
 * a: P 1/2 R 1/2 F1 1/2; b: P 1 R 1/2 F1 2/3; c: P R F1 1
 * micro: tp 3 fp 1 fn 2 -> P 3/4, R 3/5, F1 2/3; macro F1 13/18; samples F1 3/4;
 * hamming loss 3/12; subset accuracy 1/4; precision@1 2/3
 * </pre>
 */
class ReportWriterTest {

    private static final double EPS = 1e-9;
    private static final String TRICKY_NAME = "Kinh tế <&> \"xã hội\"";
    private static final boolean T = true;
    private static final boolean F = false;
    private static final boolean[][] GOLD = {{T, T, F}, {F, T, F}, {F, F, F}, {T, F, T}};
    private static final float[][] SCORES = {
            {0.9f, 0.4f, 0.2f}, {0.8f, 0.7f, 0.1f}, {0.1f, 0.2f, 0.3f}, {0.3f, 0.3f, 0.7f}};
    private static final MultiLabelEvaluator EVALUATOR = new MultiLabelEvaluator(List.of("a", "b", "c"));

    @TempDir
    Path dir;

    @Test
    void jsonHasTheHeadlineMetrics() throws IOException {
        JsonNode json = writeAndReadJson();
        assertEquals(4, json.get("n_documents").asInt());
        assertEquals(2.0 / 3, json.get("micro_f1").asDouble(), EPS);
        assertEquals(0.75, json.get("micro_precision").asDouble(), EPS);
        assertEquals(0.6, json.get("micro_recall").asDouble(), EPS);
        assertEquals(13.0 / 18, json.get("macro_f1").asDouble(), EPS);
        assertEquals(0.75, json.get("samples_f1").asDouble(), EPS);
        assertEquals(0.25, json.get("hamming_loss").asDouble(), EPS);
        assertEquals(0.25, json.get("subset_accuracy").asDouble(), EPS);
        assertEquals(2.0 / 3, json.get("precision_at_1").asDouble(), EPS);
    }

    @Test
    void jsonHasPerLabelModelTestComponentsAndCurves() throws IOException {
        JsonNode json = writeAndReadJson();
        JsonNode b = json.get("per_label").get("b");
        assertEquals(1.0, b.get("precision").asDouble(), EPS);
        assertEquals(0.5, b.get("recall").asDouble(), EPS);
        assertEquals(2.0 / 3, b.get("f1").asDouble(), EPS);
        assertEquals(2, b.get("support").asInt());
        assertEquals(0.5, b.get("threshold").asDouble(), EPS);
        assertEquals(List.of("a", "b", "c"), fieldNames(json.get("per_label")));

        assertEquals("nhan-topics", json.get("model").get("id").asText());
        assertEquals("2025-01-02T03:04:05Z", json.get("model").get("created").asText());
        assertEquals(List.of("id", "version", "model_type", "created", "neural_weight", "path"), fieldNames(json.get("model")),
                "the given fields, in order; missing ones are left out");
        assertEquals(List.of("n_documents", "micro_f1", "micro_precision", "micro_recall", "macro_f1", "macro_precision", "macro_recall",
                "samples_f1", "precision_at_1", "hamming_loss", "subset_accuracy", "per_label", "model", "test", "components",
                "best_component", "pr_curves"), fieldNames(json));
        assertEquals(List.of("name", "precision", "recall", "f1", "support", "predicted", "threshold"), fieldNames(b));
        assertEquals(List.of("a", "b", "c"), fieldNames(json.get("components").get("neural").get("per_label_f1")));
        assertEquals("data/test.jsonl", json.get("test").get("path").asText());
        assertEquals(4, json.get("test").get("n_documents").asInt());

        assertEquals(List.of("ensemble", "neural", "linear"), fieldNames(json.get("components")));
        assertEquals(2.0 / 3, json.get("components").get("ensemble").get("micro_f1").asDouble(), EPS);
        assertTrue(json.get("components").get("linear").has("samples_f1"));
        assertEquals("ensemble", json.get("best_component").asText());

        // label a by decreasing score: 0.9 gold, 0.8, 0.3 gold, 0.1 -> (0.9, 1, 0.5), (0.3, 0.6667, 1)
        JsonNode curve = json.get("pr_curves").get("a");
        assertEquals(2, curve.size());
        assertEquals(0.9, curve.get(0).get(0).asDouble(), 1e-6);
        assertEquals(1.0, curve.get(0).get(1).asDouble(), EPS);
        assertEquals(0.5, curve.get(0).get(2).asDouble(), EPS);
        assertEquals(0.6667, curve.get(1).get(1).asDouble(), EPS);
    }

    @Test
    void htmlHasAChartPerLabelAndNoExternalReference() throws IOException {
        String html = Files.readString(new ReportWriter().write(report(), dir).html(), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertEquals(3, count(html, "<svg[^>]*class=\"pr\""), "one precision/recall chart per label");
        assertEquals(1, count(html, "<svg[^>]*class=\"bars\""), "one F1 bar chart");
        String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(withoutNamespace.contains("http://"));
        assertFalse(withoutNamespace.contains("https://"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("url("));
        assertTrue(html.contains("Hội nghị sơ kết"));
    }

    @Test
    void textIsEscaped() throws IOException {
        ReportWriter.ReportFiles files = new ReportWriter().write(report(), dir);
        String html = Files.readString(files.html(), StandardCharsets.UTF_8);
        assertTrue(html.contains("Kinh tế &lt;&amp;&gt; &quot;xã hội&quot;"));
        assertFalse(html.contains("<&>"));
        assertFalse(html.contains("<b>"), "model description is escaped too");
        String md = Files.readString(files.markdown(), StandardCharsets.UTF_8);
        assertTrue(md.contains("Kinh tế \\<\\&\\> \"xã hội\""));
        JsonNode json = new ObjectMapper().readTree(files.json().toFile());
        assertEquals(TRICKY_NAME, json.get("per_label").get("c").get("name").asText());
    }

    @Test
    void markdownSortsLabelsByF1AndCallsOutTheWeakest() throws IOException {
        String md = Files.readString(new ReportWriter().write(report(), dir).markdown(), StandardCharsets.UTF_8);
        int c = md.indexOf("| 1 | Kinh tế");
        int b = md.indexOf("| 2 | Đoàn công tác");
        int a = md.indexOf("| 3 | Hội nghị sơ kết");
        assertTrue(c > 0 && c < b && b < a, md);
        String weakest = md.substring(md.indexOf("## Weakest labels"), md.indexOf("## Per-label"));
        assertTrue(weakest.contains("**Hội nghị sơ kết, tổng kết** (`a`): F1 0.500"), weakest);
        assertTrue(md.contains("Best by micro F1: **ensemble**"));
        assertTrue(md.contains("| Micro F1 | 0.667 |"));
    }

    @Test
    void writesAtomicallyIntoANewDirectoryAndReplacesOldReports() throws IOException {
        Path nested = dir.resolve("reports/run-1");
        Files.createDirectories(nested);
        Files.writeString(nested.resolve("report.json"), "old");
        new ReportWriter().write(report(), nested);
        new ReportWriter().write(report(), dir.resolve("fresh/dir"));
        try (Stream<Path> files = Files.list(nested)) {
            assertEquals(List.of("report.html", "report.json", "report.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
        assertTrue(Files.readString(nested.resolve("report.json")).contains("micro_f1"));
        assertTrue(Files.exists(dir.resolve("fresh/dir/report.html")));
    }

    @Test
    void reportWithoutComponentsOrModelInfo() throws IOException {
        MultiLabelEvaluation evaluation = EVALUATOR.evaluate(GOLD, SCORES, new float[] {0.5f, 0.5f, 0.5f});
        EvaluationReport bare = new EvaluationReport(ModelInfo.NONE, new EvaluationReport.TestSet("t.jsonl", 4),
                evaluation, Map.of(), Map.of());
        ReportWriter.ReportFiles files = new ReportWriter().write(bare, dir);
        JsonNode json = new ObjectMapper().readTree(files.json().toFile());
        assertTrue(json.get("components").isEmpty());
        assertTrue(json.get("best_component").isNull());
        assertEquals("a", json.get("per_label").get("a").get("name").asText(), "id stands in for a missing name");
        assertFalse(Files.readString(files.markdown()).contains("## Components"));
    }

    @Test
    void thresholdsAreShownCompactly() {
        assertEquals("0.35", Numbers.threshold(0.35f));
        assertEquals("0.5", Numbers.threshold(0.5f));
        assertEquals("0.1235", Numbers.threshold(0.123456f));
        assertEquals("0", Numbers.threshold(0f));
    }

    private JsonNode writeAndReadJson() throws IOException {
        return new ObjectMapper().readTree(new ReportWriter().write(report(), dir).json().toFile());
    }

    private static EvaluationReport report() {
        float[] thresholds = {0.5f, 0.5f, 0.5f};
        MultiLabelEvaluation ensemble = EVALUATOR.evaluate(GOLD, SCORES, thresholds);
        float[][] weaker = {{0.9f, 0.1f, 0.2f}, {0.8f, 0.7f, 0.1f}, {0.6f, 0.2f, 0.3f}, {0.3f, 0.3f, 0.4f}};
        Map<String, MultiLabelEvaluation> components = new LinkedHashMap<>();
        components.put("ensemble", ensemble);
        components.put("neural", EVALUATOR.evaluate(GOLD, weaker, thresholds));
        components.put("linear", EVALUATOR.evaluate(GOLD, weaker, new float[] {0.7f, 0.5f, 0.35f}));
        ModelInfo model = new ModelInfo("nhan-topics", "3", "ensemble(neural, linear)", Instant.parse("2025-01-02T03:04:05Z").toString(),
                0.75, null, null, "models/<b>bold?</b>");
        Map<String, String> names = Map.of("a", "Hội nghị sơ kết, tổng kết", "b", "Đoàn công tác, làm việc, kiểm tra",
                "c", TRICKY_NAME);
        return new EvaluationReport(model, new EvaluationReport.TestSet("data/test.jsonl", 4), ensemble, components, names);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int count(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
