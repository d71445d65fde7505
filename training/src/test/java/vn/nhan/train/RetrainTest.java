package vn.nhan.train;

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
        return registry().history().stream().map(e -> (String) e.get("event")).toList();
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
        Map<String, Object> promoted = registry().history().get(registry().history().size() - 1);
        assertEquals("promoted", promoted.get("event"));
        assertEquals(champion, promoted.get("previous"));
        assertTrue(((String) promoted.get("reason")).contains("micro-F1"), promoted.toString());
    }

    @Test
    @Order(3)
    void aChallengerTrainedOnMislabelledFeedbackIsRefusedAndTheChampionKeepsServing() throws Exception {
        String champion = registry().currentVersion().orElseThrow();
        List<Document> docs = CorpusReader.read(corpus).documents();
        try (FeedbackStore store = FeedbackStore.open(FeedbackStore.sqliteUrl(registryDir))) {
            for (Document d : docs.subList(0, 100)) {
                List<String> wrong = d.labels().contains("epidemic-response") ? List.of("culture-arts") : List.of("epidemic-response");
                store.add(Feedback.of(d.id(), d.title(), d.text(), wrong, d.labels(), champion, "test-editor"));
            }
        }
        CliRunner.Result run = retrain();
        assertEquals(3, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().startsWith("refused "), run.out());
        assertEquals(champion, registry().currentVersion().orElseThrow());
        Map<String, Object> refused = registry().history().get(registry().history().size() - 1);
        assertEquals("refused", refused.get("event"));
        assertTrue(((String) refused.get("reason")).contains("below the champion's"), refused.toString());
        Files.delete(registryDir.resolve("feedback.db"));
        Files.deleteIfExists(registryDir.resolve("feedback.db-wal"));
        Files.deleteIfExists(registryDir.resolve("feedback.db-shm"));
    }

    @Test
    @Order(4)
    void rollbackReturnsToThePreviousModel() throws IOException {
        List<String> versions = registry().versions();
        String current = registry().currentVersion().orElseThrow();
        CliRunner.Result run = CliRunner.run("models", "rollback", "--registry", registryDir.toString());
        assertEquals(0, run.exitCode(), run.err());
        String now = registry().currentVersion().orElseThrow();
        assertEquals(versions.get(0), now);
        assertNotEquals(current, now);
        assertEquals("rolled-back", events().get(events().size() - 1));
        CliRunner.Result list = CliRunner.run("models", "list", "--registry", registryDir.toString());
        assertTrue(list.out().contains("* " + now), list.out());
        assertEquals(3, list.out().lines().count(), list.out());
    }

    @Test
    @Order(5)
    void pruneKeepsTheCurrentModelAndItsPredecessor() throws IOException {
        String current = registry().currentVersion().orElseThrow();
        CliRunner.Result run = CliRunner.run("models", "prune", "--keep", "1", "--registry", registryDir.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> left = registry().versions();
        assertTrue(left.contains(current), left.toString());
        assertTrue(left.size() <= 2, left.toString());
        CliRunner.Result promote = CliRunner.run("models", "promote", left.get(left.size() - 1), "--registry", registryDir.toString());
        assertEquals(0, promote.exitCode(), promote.err());
    }

    @Test
    @Order(6)
    void aSecondRetrainWhileOneRunsExitsWithItsOwnCode() throws IOException {
        try (RetrainLock held = RetrainLock.acquire(registry())) {
            CliRunner.Result run = retrain();
            assertEquals(4, run.exitCode(), run.err());
            assertTrue(run.err().contains("another retrain job is running on registry"), run.err());
        }
    }
}
