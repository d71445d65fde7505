package vn.nhan.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.map_values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.bundle.TrainingData;
import vn.nhan.data.Document;
import vn.nhan.data.PlainNumbers;
import vn.nhan.data.Taxonomy;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.model.ArticleLabels;
import vn.nhan.model.ClassifierEvaluator;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.eval.LabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluation;
import com.fasterxml.jackson.databind.JsonNode;
import vn.nhan.model.ModelType;
import vn.nhan.model.NeuralConfig;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.Prediction;
import vn.nhan.model.TagOptions;
import vn.nhan.model.Tagger;
import vn.nhan.model.TrainingConfig;
import vn.nhan.model.TrainingResult;

/**
 * The Spark job on local[2], for real: a tiny ensemble (DL4J head included) trained on the frozen
 * corpus, 411 articles (data/test and the frozen sets) scored as JSONL and as Parquet, and every
 * id's record compared with what {@link Tagger} and nhan classify's line record give; the archive
 * evaluated on Spark and compared with {@link ClassifierEvaluator#sideBySide} in process; bad
 * arguments refused with one line and an exit code.
 */
class SparkClassifyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FROZEN = Path.of("../training/src/test/resources/frozen");
    private static final Path DATA_TEST = Path.of("../data/test");

    @TempDir
    static Path dir;
    private static Path bundle;
    private static Path jsonlInput;
    private static Map<String, ArticleLabels> expected;
    private static List<Document> archive;

    /** One input article as the files hold it (labels are ignored by the job). */
    record Article(String id, String title, String text, List<String> labels) { }

    @BeforeAll
    static void trainAndExpect() throws IOException {
        Taxonomy taxonomy = Taxonomy.read(Path.of("../data/taxonomy.json"));
        List<Document> train = read(FROZEN.resolve("train.jsonl"));
        TrainingConfig config = TrainingConfig.defaults().withFolds(3).withModelType(ModelType.ENSEMBLE)
                .withNeural(new NeuralConfig(16, 2.0, 0.02, 8, 5, 2, 0.1));
        TrainingResult result = new ClassifierTrainer(config, ProgressListener.SILENT).train(train, taxonomy);
        bundle = dir.resolve("tiny-model");
        ModelBundle.save(result, config, TrainingData.of(train, List.of("frozen/train.jsonl")), bundle);

        // The input: every file of data/test, and the frozen sets (taken from the same corpus, so
        // their ids get a prefix), in one directory of JSONL files.
        jsonlInput = Files.createDirectories(dir.resolve("archive"));
        List<Document> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(DATA_TEST)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                Files.copy(f, jsonlInput.resolve(f.getFileName()));
                all.addAll(read(f));
            }
        }
        for (String name : List.of("test.jsonl", "train.jsonl")) {
            StringBuilder lines = new StringBuilder();
            for (Document d : read(FROZEN.resolve(name))) {
                Document renamed = new Document("frozen-" + d.id(), d.title(), d.text(), d.labels());
                lines.append(JSON.writeValueAsString(new Article(renamed.id(), renamed.title(), renamed.text(), renamed.labels()))).append('\n');
                all.add(renamed);
            }
            Files.writeString(jsonlInput.resolve("frozen-" + name), lines.toString());
        }
        archive = List.copyOf(all);
        Tagger tagger = new Tagger(ModelBundle.load(bundle).classifier());
        List<Prediction> predictions = tagger.tagAll(all, TagOptions.defaults());
        expected = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            expected.put(all.get(i).id(), ArticleLabels.of(tagger.classifier(), all.get(i).id(), predictions.get(i)));
        }
        assertEquals(all.size(), expected.size(), "ids are unique across the test archive");
        assertTrue(all.size() >= 400, "a few hundred articles: " + all.size());
        assertTrue(expected.values().stream().anyMatch(a -> !a.labels().isEmpty()), "the tiny model labels some articles");
    }

    private static List<Document> read(Path file) throws IOException {
        List<Document> docs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                Article a = JSON.readValue(line, Article.class);
                docs.add(new Document(a.id(), a.title(), a.text(), a.labels()));
            }
        }
        return docs;
    }

    /** Runs the command; returns the exit code and what it printed on standard error. */
    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NhanSpark.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, err.toString());
    }

    private record Result(int code, String err) { }

    /** Runs {@code command} on a one-file archive {@code name}/a.jsonl holding {@code jsonl}, into {@code name}-out. */
    private static Result runOn(String command, String name, String jsonl) throws IOException {
        Path archive = Files.createDirectories(dir.resolve(name));
        Files.writeString(archive.resolve("a.jsonl"), jsonl);
        return run(command, "--model", bundle.toString(), "--input", archive.toString(),
                "--output", dir.resolve(name + "-out").toString(), "--master", "local[2]");
    }

    private static void assertSameAsTagger(Map<String, ArticleLabels> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "one record per article");
        for (ArticleLabels e : expected.values()) {
            ArticleLabels a = actual.get(e.id());
            assertEquals(e, a, "labels and scores of " + e.id());
            assertEquals(new ArrayList<>(e.scores().keySet()), new ArrayList<>(a.scores().keySet()), "scores in taxonomy order for " + e.id());
        }
    }

    @Test
    void jsonlArchiveGivesTheLabelsAndScoresOfTheTagger() throws IOException {
        Path out = dir.resolve("out-jsonl");
        Result r = run("classify", "--model", bundle.toString(), "--input", jsonlInput.toString(),
                "--output", out.toString(), "--master", "local[2]", "--chunk", "64");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
        Map<String, ArticleLabels> actual = new LinkedHashMap<>();
        try (Stream<Path> parts = Files.list(out)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    ArticleLabels a = JSON.readValue(line, ArticleLabels.class);
                    assertEquals(null, actual.put(a.id(), a), "one record for " + a.id());
                    // the line itself is what nhan classify writes for the article (plain decimals, never 1.0E-4)
                    assertEquals(PlainNumbers.mapper().writeValueAsString(expected.get(a.id())), line);
                }
            }
        }
        assertSameAsTagger(actual);
    }

    @Test
    void parquetArchiveGivesTheLabelsAndScoresOfTheTagger() throws IOException {
        Path input = dir.resolve("archive.parquet");
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("test-input").getOrCreate()) {
            spark.read().json(jsonlInput.toString()).select("id", "title", "text").repartition(3)
                    .write().parquet(input.toString());
        }
        Path out = dir.resolve("out-parquet");
        Result r = run("classify", "--model", bundle.toString(), "--input", input.toString(),
                "--output", out.toString(), "--master", "local[2]", "--format", "parquet");
        assertEquals(0, r.code(), r.err());
        Map<String, ArticleLabels> actual = new LinkedHashMap<>();
        try (SparkSession spark = SparkSession.builder().master("local[2]").appName("test-output").getOrCreate()) {
            // map_keys/map_values keep the stored order of the map (a Java Map read back would not)
            for (Row row : spark.read().parquet(out.toString())
                    .select(col("id"), col("labels"), map_keys(col("scores")), map_values(col("scores"))).collectAsList()) {
                List<String> keys = row.getList(2);
                List<Double> values = row.getList(3);
                Map<String, Double> scores = new LinkedHashMap<>();
                for (int i = 0; i < keys.size(); i++) {
                    scores.put(keys.get(i), values.get(i));
                }
                assertEquals(null, actual.put(row.getString(0), new ArticleLabels(row.getString(0), row.getList(1), scores)));
            }
        }
        assertSameAsTagger(actual);
    }

    @Test
    void aRegistryStandsForItsCurrentModel() throws IOException {
        Path root = dir.resolve("registry");
        ModelRegistry registry = ModelRegistry.open(root);
        IOException empty = assertThrows(IOException.class, () -> JobOptions.bundleDirectory(root));
        assertTrue(empty.getMessage().contains("is a model registry with no current model"), empty.getMessage());
        String version = registry.add(bundle);
        registry.promote(version, "test");
        assertEquals(registry.bundlePath(version), JobOptions.bundleDirectory(root));
        assertEquals(bundle, JobOptions.bundleDirectory(bundle), "a bundle is itself");
    }

    @Test
    void aMissingModelIsOneLineAndExitCodeOne() {
        Result r = run("classify", "--model", dir.resolve("no-such-model").toString(), "--input", jsonlInput.toString(),
                "--output", dir.resolve("never").toString(), "--master", "local[2]");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no-such-model does not exist"), r.err());
        assertFalse(Files.exists(dir.resolve("never")));
    }

    @Test
    void anUnknownFormatIsAUsageErrorWithExitCodeTwo() {
        Result r = run("classify", "--model", bundle.toString(), "--input", jsonlInput.toString(),
                "--output", dir.resolve("never").toString(), "--format", "csv");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Invalid value for option '--format': format 'csv' is not one of jsonl, parquet"), r.err());
    }

    @Test
    void aMissingArgumentOrCommandIsAUsageError() {
        assertEquals(2, run("classify", "--model", bundle.toString()).code());
        assertEquals(2, run().code());
        assertEquals(2, run("score").code());
    }

    @Test
    void aMissingInputIsOneLineAndExitCodeOne() {
        Result r = run("classify", "--model", bundle.toString(), "--input", dir.resolve("nothing-here.jsonl").toString(),
                "--output", dir.resolve("never").toString(), "--master", "local[2]");
        assertEquals(1, r.code());
        assertEquals("nhan-spark: input " + dir.resolve("nothing-here.jsonl") + " does not exist", r.err().strip());
    }

    @Test
    void aBrokenLineOrAnArticleWithoutTextStopsTheJobAndSaysWhere() throws IOException {
        Result r = runOn("classify", "bad", "{\"id\": \"a1\", \"text\": \"Hội nghị tổng kết.\"}\n{\"id\": \"a2\", \"text\": \n");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("a.jsonl has a line that is not a JSON article: '{\"id\": \"a2\", \"text\":'"), r.err());

        r = runOn("classify", "no-text", "{\"id\": \"a3\", \"title\": \"Chỉ có tiêu đề\"}\n");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("article 'a3' has no \"text\""), r.err());
    }

    @Test
    void anExistingOutputIsRefusedAndLeftAlone() throws IOException {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Result r = run("classify", "--model", bundle.toString(), "--input", jsonlInput.toString(),
                "--output", out.toString(), "--master", "local[2]");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("already exists"), r.err());
        assertEquals("mine", Files.readString(out.resolve("keep.txt")));
    }

    @Test
    void evaluateGivesTheMetricsOfTheInProcessEvaluation() throws IOException {
        Path report = dir.resolve("evaluation.json");
        Result r = run("evaluate", "--model", bundle.toString(), "--input", jsonlInput.toString(),
                "--output", report.toString(), "--master", "local[2]");
        assertEquals(0, r.code(), r.err());
        Map<String, MultiLabelEvaluation> inProcess = ClassifierEvaluator.sideBySide(ModelBundle.load(bundle).classifier(), archive);
        JsonNode json = JSON.readTree(report.toFile());
        assertEquals(archive.size(), json.get("test_set").get("documents").asInt());
        JsonNode evaluations = json.get("evaluations");
        List<String> names = new ArrayList<>();
        evaluations.fieldNames().forEachRemaining(names::add);
        assertEquals(new ArrayList<>(inProcess.keySet()), names, "the same evaluations, in the same order");
        assertTrue(names.contains("ensemble whole-article") && names.contains("linear"), names.toString());
        for (Map.Entry<String, MultiLabelEvaluation> e : inProcess.entrySet()) {
            JsonNode got = evaluations.get(e.getKey());
            MultiLabelEvaluation want = e.getValue();
            assertEquals(want.nDocuments(), got.get("n_documents").asInt(), e.getKey());
            assertEquals(want.microF1(), got.get("micro_f1").asDouble(), 1e-12, e.getKey());
            assertEquals(want.macroF1(), got.get("macro_f1").asDouble(), 1e-12, e.getKey());
            assertEquals(want.precisionAt1(), got.get("precision_at_1").asDouble(), 1e-12, e.getKey());
            for (Map.Entry<String, LabelEvaluation> l : want.perLabel().entrySet()) {
                assertEquals(l.getValue().f1(), got.get("per_label").get(l.getKey()).get("f1").asDouble(), 1e-12, e.getKey() + " " + l.getKey());
            }
        }
        assertTrue(inProcess.get("ensemble").microF1() > 0.3, "the tiny model is better than nothing: " + inProcess.get("ensemble").microF1());
    }

    @Test
    void evaluateRefusesArticlesWithoutLabelsOrWithUnknownOnes() throws IOException {
        Result r = runOn("evaluate", "unlabelled", "{\"id\": \"u1\", \"text\": \"Hội nghị tổng kết công tác tuyên giáo.\"}\n");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("article 'u1' has no \"labels\"; evaluate needs labelled articles"), r.err());
        assertFalse(Files.exists(dir.resolve("unlabelled-out")), "no report for a failed evaluation");

        r = runOn("evaluate", "unknown-label", "{\"id\": \"u2\", \"text\": \"Hội nghị.\", \"labels\": [\"no-such-label\"]}\n");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("article 'u2': label 'no-such-label' is not in the taxonomy (known: review-conference"), r.err());
    }
}
