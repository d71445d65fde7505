package vn.nhan.service.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.service.TestModels;
import vn.nhan.service.serving.RegistryWatcher.Outcome;

/** The watcher loads a new current version, and retries one that failed with backoff, on a clock the test moves. */
class RegistryWatcherTest {
    @TempDir
    Path dir;

    @Test
    void aFailedVersionIsRetriedWithBackoffUntilItLoads() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("registry"));
        String first = registry.add(TestModels.save(registry.stagingPath()).path());
        registry.promote(first, "test");
        String second = registry.add(TestModels.save(registry.stagingPath()).path());
        Path linear = registry.bundlePath(second).resolve("linear.bin");
        byte[] good = Files.readAllBytes(linear);
        byte[] bad = good.clone();
        bad[100] ^= 0x5A;
        Files.write(linear, bad);

        AtomicLong now = new AtomicLong(0);
        Duration poll = Duration.ofSeconds(2);
        try (ModelHolder holder = new ModelHolder();
             RegistryWatcher watcher = new RegistryWatcher(registry, holder, first, poll, now::get)) {
            holder.loadNow(registry.bundlePath(first));
            assertEquals(Outcome.UNCHANGED, watcher.check());

            Files.writeString(registry.currentFile(), second + "\n"); // a bundle not yet whole (promote would refuse it)
            assertEquals(Outcome.FAILED, watcher.check());
            assertEquals(first, holder.current().orElseThrow().version(), "the old model keeps serving");
            assertEquals(Outcome.BACKING_OFF, watcher.check(), "no retry before the backoff (4 s after one failure)");

            now.addAndGet(Duration.ofSeconds(4).toNanos());
            assertEquals(Outcome.FAILED, watcher.check(), "retried once the backoff passed");
            now.addAndGet(Duration.ofSeconds(4).toNanos());
            assertEquals(Outcome.BACKING_OFF, watcher.check(), "the second wait is longer (8 s)");

            Files.write(linear, good); // the transient fault heals
            now.addAndGet(Duration.ofSeconds(4).toNanos());
            assertEquals(Outcome.LOADED, watcher.check());
            assertEquals(second, holder.current().orElseThrow().version());
            assertEquals(Outcome.UNCHANGED, watcher.check());
        }
    }

    @Test
    void theBackoffDoublesUpToItsMaximum() {
        Duration poll = Duration.ofSeconds(2);
        assertEquals(Duration.ofSeconds(4), RegistryWatcher.backoff(poll, 1));
        assertEquals(Duration.ofSeconds(8), RegistryWatcher.backoff(poll, 2));
        assertEquals(RegistryWatcher.MAX_BACKOFF, RegistryWatcher.backoff(poll, 10));
        assertEquals(RegistryWatcher.MAX_BACKOFF, RegistryWatcher.backoff(poll, 1000));
    }
}
