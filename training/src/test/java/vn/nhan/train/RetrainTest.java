package vn.nhan.train;

import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.cli.CliRunner;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.feedback.Feedback;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.registry.HistoryEvent;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.registry.RetrainLock;

/**
 * The retrain job on a small frozen corpus, through the command line: promotion into an empty
 * registry, promotion of an equal challenger, refusal of a worse one (mislabelled feedback),
 * rollback, pruning, and the job lock.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrainTest {
    @TempDir
    static Path dir;
    static Path registryDir;
    static Path corpus;
    static Path test;
    static Path taxonomy = Path.of("..", "data", "taxonomy.json");

    static Path resource(String name) {
        try {
            return Path.of(RetrainTest.class.getResource("/frozen/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void layout() throws IOException {
        registryDir = dir.resolve("registry");
        corpus = dir.resolve("corpus");
        test = dir.resolve("test");
        Files.createDirectories(corpus);
        Files.createDirectories(test);
        Files.copy(resource("train.jsonl"), corpus.resolve("train.jsonl"));
        Files.copy(resource("test.jsonl"), test.resolve("test.jsonl"));
    }

    static CliRunner.Result retrain(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("retrain", "--registry", registryDir.toString(), "--base-corpus", corpus.toString(),
                "--test", test.toString(), "--taxonomy", taxonomy.toString()));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    static ModelRegistry registry() throws IOException {
        return ModelRegistry.open(registryDir);
    }

    static List<String> events() throws IOException {
        return registry().history().stream().map(HistoryEvent::event).toList();
    }

    @Test
    @Order(1)
    void theFirstRetrainPromotesIntoAnEmptyRegistry() throws IOException {
        CliRunner.Result run = retrain();
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("promoted "), run.out());
        assertTrue(registry().currentVersion().isPresent());
        assertEquals(List.of("training", "registered", "evaluated", "promoted"), events());
    }

    @Test
    @Order(2)
    void aChallengerAsGoodAsTheChampionIsPromoted() throws IOException {
        String champion = registry().currentVersion().orElseThrow();
        CliRunner.Result run = retrain();
        assertEquals(0, run.exitCode(), run.err());
        String current = registry().currentVersion().orElseThrow();
        assertNotEquals(champion, current);
        HistoryEvent promoted = registry().history().get(registry().history().size() - 1);
        assertEquals("promoted", promoted.event());
        assertEquals(champion, promoted.text("previous").orElseThrow());
        assertTrue(promoted.text("reason").orElseThrow().contains("micro-F1"), promoted.toString());
    }

    /** Forty made-up market reports on the gold price, different in their figures and wording. */
    static List<Document> goldPriceArticles() {
        String[] markets = {"SJC", "DOJI", "PNJ", "Bảo Tín Minh Châu", "Phú Quý"};
        String[] moves = {"tăng", "giảm", "đứng yên", "tăng mạnh", "giảm nhẹ"};
        List<Document> out = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String m = markets[i % markets.length];
            String move = moves[(i / 5) % moves.length];
            out.add(new Document("gold-" + i, "Giá vàng " + m + " sáng " + (i + 1) + "/11 " + move,
                    "Sáng ngày " + (i + 1) + "/11, giá vàng miếng " + m + " " + move + " " + (50 + i * 10) + " nghìn đồng mỗi lượng, niêm yết ở mức "
                            + (80 + i % 7) + "," + (i * 3 % 10) + " triệu đồng mua vào. Giá vàng thế giới " + move + " theo đồng USD; "
                            + "các nhà đầu tư chờ quyết định lãi suất của ngân hàng trung ương. Chênh lệch giữa giá mua và giá bán ở mức "
                            + (1 + i % 3) + " triệu đồng. Giá vàng nhẫn tròn trơn cũng " + move + ".", List.of()));
        }
        return out;
    }

    @Test
    @Order(3)
    void thePoisoningOfTheIssueIsRefusedTestCopiesAndBaseReplacementsAreLeftOut() throws Exception {
        String champion = registry().currentVersion().orElseThrow();
        List<Document> docs = CorpusReader.read(corpus).documents();
        List<Document> testDocs = CorpusReader.read(test).documents();
        try (FeedbackStore store = FeedbackStore.open(FeedbackStore.sqliteUrl(registryDir))) {
            for (int i = 0; i < testDocs.size(); i++) {
                Document d = testDocs.get(i);
                store.add(Feedback.of("copy-" + i, d.title(), "  " + d.text().toUpperCase(java.util.Locale.ROOT) + " ", d.labels(), List.of(), champion, "mallory"));
            }
            for (Document d : goldPriceArticles()) {
                store.add(Feedback.of(d.id(), d.title(), d.text(), List.of("ideology-defense"), List.of(), champion, "mallory"));
            }
            Document base = docs.get(0);
            store.add(Feedback.of(base.id(), base.title(), base.text(), List.of("epidemic-response"), base.labels(), champion, "mallory"));
        }
        CliRunner.Result run = retrain();
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().startsWith("refused "), run.out());
        assertEquals(champion, registry().currentVersion().orElseThrow());
        List<HistoryEvent> history = registry().history();
        HistoryEvent training = history.stream().filter(e -> e.is("training")).reduce((a, b) -> b).orElseThrow();
        JsonNode corrections = training.get("corrections");
        assertEquals(testDocs.size() + 1, corrections.get("excluded").asInt(), corrections.toString());
        String exclusions = corrections.get("exclusions").toString();
        assertTrue(exclusions.contains("copy of a test-split document"), exclusions);
        assertTrue(exclusions.contains("\"document_id\":\"" + docs.get(0).id() + "\"") && exclusions.contains("needs an admin's override"), exclusions);
        HistoryEvent evaluated = history.get(history.size() - 2);
        assertEquals("evaluated", evaluated.event());
        assertTrue(evaluated.line().has("test") && evaluated.line().has("held_out") && evaluated.line().has("churn"), evaluated.toString());
        assertTrue(evaluated.get("churn").get("max_churn").isNumber(), evaluated.toString());
        HistoryEvent refused = history.get(history.size() - 1);
        assertEquals("refused", refused.event());
        assertTrue(refused.text("reason").orElseThrow().contains("changes the labels of"), refused.toString());
        Files.delete(registryDir.resolve("feedback.db"));
        Files.deleteIfExists(registryDir.resolve("feedback.db-wal"));
        Files.deleteIfExists(registryDir.resolve("feedback.db-shm"));
    }

    @Test
    @Order(4)
    void theChallengerIsTrainedWithTheChampionsConfigurationExceptWhatIsGiven() throws IOException {
        CliRunner.Result first = retrain("--folds", "3", "--neural-dim", "16", "--approve", "--min-gain", "-1", "--max-label-drop", "1");
        assertEquals(0, first.exitCode(), first.out() + first.err());
        Map<String, Object> championConfig = config(registry().currentVersion().orElseThrow());
        assertEquals(3, ((Number) championConfig.get("folds")).intValue());
        CliRunner.Result second = retrain("--seed", "7", "--approve", "--min-gain", "-1", "--max-label-drop", "1");
        assertEquals(0, second.exitCode(), second.out() + second.err());
        Map<String, Object> challengerConfig = config(registry().currentVersion().orElseThrow());
        assertEquals(7, ((Number) challengerConfig.get("seed")).intValue());
        Map<String, Object> expected = new java.util.LinkedHashMap<>(championConfig);
        expected.put("seed", challengerConfig.get("seed"));
        assertEquals(expected, challengerConfig);
    }

    static Map<String, Object> config(String version) throws IOException {
        vn.nhan.bundle.ModelBundle.load(registry().bundlePath(version)); // a valid bundle
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(registry().bundlePath(version).resolve("manifest.json").toFile(), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) manifest.get("training_config");
        return c;
    }

    @Test
    @Order(4)
    void gateFlagsOutOfRangeAreUsageErrors() {
        for (String[] flag : List.of(new String[] {"--max-churn", "NaN"}, new String[] {"--max-churn", "1.5"},
                new String[] {"--max-label-drop", "-0.1"}, new String[] {"--min-gain", "Infinity"}, new String[] {"--max-churn", "lots"})) {
            CliRunner.Result run = retrain(flag);
            assertEquals(2, run.exitCode(), String.join(" ", flag) + ": " + run.err());
        }
    }

    @Test
    @Order(5)
    void rollbackReturnsToThePreviousModel() throws IOException {
        String current = registry().currentVersion().orElseThrow();
        String previous = registry().history().stream().filter(e -> e.is("promoted")).reduce((a, b) -> b).orElseThrow().text("previous").orElseThrow();
        CliRunner.Result run = CliRunner.run("models", "rollback", "--registry", registryDir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String now = registry().currentVersion().orElseThrow();
        assertEquals(previous, now);
        assertNotEquals(current, now);
        assertEquals("rolled-back", events().get(events().size() - 1));
        CliRunner.Result list = CliRunner.run("models", "list", "--registry", registryDir.toString());
        assertTrue(list.out().contains("* " + now), list.out());
        assertEquals(registry().versions().size(), list.out().lines().count(), list.out());
    }

    @Test
    @Order(6)
    void pruneKeepsTheCurrentModelAndItsPredecessor() throws IOException {
        String current = registry().currentVersion().orElseThrow();
        int before = registry().versions().size();
        CliRunner.Result run = CliRunner.run("models", "prune", "--keep", "1", "--registry", registryDir.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> left = registry().versions();
        assertTrue(left.contains(current), left.toString());
        String rollbackTarget = registry().history().stream().filter(e -> current.equals(e.version())
                && (e.is("promoted") || e.is("rolled-back"))).reduce((a, b) -> b).orElseThrow().text("previous").orElseThrow();
        assertTrue(left.contains(rollbackTarget), left.toString());
        assertTrue(left.size() < before, "nothing was pruned: " + left);
        CliRunner.Result promote = CliRunner.run("models", "promote", left.get(left.size() - 1), "--registry", registryDir.toString());
        assertEquals(0, promote.exitCode(), promote.err());
    }

    @Test
    @Order(7)
    void aSecondRetrainWhileOneRunsExitsWithItsOwnCode() throws IOException {
        try (RetrainLock held = RetrainLock.acquire(registry())) {
            CliRunner.Result run = retrain();
            assertEquals(4, run.exitCode(), run.err());
            assertTrue(run.err().contains("another job is changing registry"), run.err());
        }
    }

    @Test
    @Order(8)
    void aRollbackDuringARetrainWaitsItsTurnInsteadOfBeingOverwritten() throws IOException {
        String current = registry().currentVersion().orElseThrow();
        int events = registry().history().size();
        try (RetrainLock retrainRunning = RetrainLock.acquire(registry(), "retrain")) {
            for (String[] command : List.of(new String[] {"rollback"}, new String[] {"promote", registry().versions().get(0)},
                    new String[] {"prune", "--keep", "1"})) {
                List<String> args = new java.util.ArrayList<>(List.of("models"));
                args.addAll(List.of(command));
                args.addAll(List.of("--registry", registryDir.toString()));
                CliRunner.Result run = CliRunner.run(args.toArray(String[]::new));
                assertEquals(4, run.exitCode(), command[0] + ": " + run.err());
                assertTrue(run.err().contains("(retrain, pid "), run.err());
            }
            CliRunner.Result bootstrap = CliRunner.run("bootstrap", "--registry", registryDir.toString());
            assertEquals(4, bootstrap.exitCode(), bootstrap.err());
        }
        assertEquals(current, registry().currentVersion().orElseThrow());
        assertEquals(events, registry().history().size());
        CliRunner.Result after = CliRunner.run("models", "rollback", "--registry", registryDir.toString());
        assertEquals(0, after.exitCode(), after.err());
    }

    @Test
    @Order(9)
    void twoBundlesWithTheSameVersionGetDistinctRegistryVersions() throws IOException {
        ModelRegistry registry = registry();
        String current = registry.currentVersion().orElseThrow();
        Path copy = registry.stagingPath();
        copyTree(registry.bundlePath(current), copy);
        String added = registry.add(copy);
        assertEquals(current + "-2", added);
        assertTrue(Files.isDirectory(registry.bundlePath(current)) && Files.isDirectory(registry.bundlePath(added)));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    @Order(10)
    void bootstrapRefusesARegistryWithVersionsButNoCurrentModel() throws IOException {
        Files.delete(registry().currentFile());
        CliRunner.Result run = CliRunner.run("bootstrap", "--registry", registryDir.toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("versions but no current model; choose one with: bin/nhan models promote"), run.err());
        assertTrue(registry().currentVersion().isEmpty());
    }
}
