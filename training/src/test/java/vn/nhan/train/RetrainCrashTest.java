package vn.nhan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.cli.CliRunner;
import vn.nhan.registry.ModelRegistry;

/**
 * A retrain process killed (SIGKILL) in the middle of training leaves the registry consistent: the
 * current model and the history intact, and the next retrain cleans up and succeeds. Runs
 * bin/nhan, so it needs the packaged jars: -Pe2e after mvn verify, as .ci/run does.
 */
@Tag("slow")
class RetrainCrashTest {
    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(RetrainCrashTest.class.getResource("/frozen/" + name).toURI());
    }

    @Test
    void aCrashDuringTrainingLeavesTheRegistryConsistent() throws Exception {
        Path registryDir = dir.resolve("registry");
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path test = Files.createDirectories(dir.resolve("test"));
        Files.copy(resource("train.jsonl"), corpus.resolve("train.jsonl"));
        Files.copy(resource("test.jsonl"), test.resolve("test.jsonl"));
        String[] args = {"retrain", "--registry", registryDir.toString(), "--base-corpus", corpus.toString(), "--test", test.toString(),
                "--taxonomy", Path.of("..", "data", "taxonomy.json").toAbsolutePath().toString()};
        assertEquals(0, CliRunner.run(args).exitCode());
        ModelRegistry registry = ModelRegistry.open(registryDir);
        String champion = registry.currentVersion().orElseThrow();
        int events = registry.history().size();

        Path launcher = Path.of("..", "bin", "nhan").toAbsolutePath().normalize();
        assertTrue(Files.exists(launcher.getParent().getParent().resolve("training/target/nhan-training.jar")), "run mvn package first");
        Path log = dir.resolve("retrain.log");
        Process process = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (process.isAlive() && System.nanoTime() < deadline && !Files.readString(log).contains("cross-validation fold 2")) {
            Thread.sleep(20);
        }
        assertTrue(process.isAlive(), "the job ended before it could be killed: " + Files.readString(log));
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));

        assertEquals(champion, registry.currentVersion().orElseThrow());
        ModelBundle.load(registry.bundlePath(champion));
        List<?> history = registry.history();
        assertTrue(history.size() >= events, "history lost events");
        assertEquals(0, CliRunner.run(args).exitCode(), "a retrain after the crash succeeds");
        try (Stream<Path> left = Files.list(registryDir.resolve("models"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "staging directories left behind");
        }
    }
}
