package vn.nhan.service.serving;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.nhan.registry.ModelRegistry;

/**
 * Polls the registry's {@code current} pointer and has the {@link ModelHolder} load a new version
 * when it changes. A version counts as seen only once it loaded; one that fails is retried with
 * exponential backoff (the poll interval, doubled after each failure, at most {@link #MAX_BACKOFF}),
 * so a transient failure (a bundle still being copied, a full disk) heals by itself.
 */
public final class RegistryWatcher implements AutoCloseable {
    /** The longest wait between two attempts at a version that keeps failing. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(RegistryWatcher.class);

    /** What one check did. */
    public enum Outcome { UNCHANGED, LOADED, FAILED, BACKING_OFF }

    private final ModelRegistry registry;
    private final ModelHolder holder;
    private final Duration poll;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "registry-watcher");
        t.setDaemon(true);
        return t;
    });
    private volatile String seen;
    private String failing;
    private int failures;
    private long nextAttempt;

    public RegistryWatcher(ModelRegistry registry, ModelHolder holder, String initialVersion, Duration poll) {
        this(registry, holder, initialVersion, poll, System::nanoTime);
    }

    RegistryWatcher(ModelRegistry registry, ModelHolder holder, String initialVersion, Duration poll, LongSupplier nanoClock) {
        this.registry = registry;
        this.holder = holder;
        this.seen = initialVersion;
        this.poll = poll;
        this.nanoClock = nanoClock;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::check, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Loads the registry's current version now if it differs from the one loaded last and is not backing off. */
    public synchronized Outcome check() {
        try {
            Optional<String> version = registry.currentVersion();
            if (version.isEmpty() || version.get().equals(seen)) {
                return Outcome.UNCHANGED;
            }
            String wanted = version.get();
            if (wanted.equals(failing) && nanoClock.getAsLong() - nextAttempt < 0) {
                return Outcome.BACKING_OFF;
            }
            LOG.info("registry current changed to {}", wanted);
            try {
                holder.reload(registry.bundlePath(wanted)).get();
            } catch (ExecutionException e) {
                failed(wanted, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                return Outcome.FAILED;
            }
            seen = wanted;
            failing = null;
            failures = 0;
            return Outcome.LOADED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNCHANGED;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the registry {}: {}", registry.root(), e.getMessage());
            return Outcome.UNCHANGED;
        }
    }

    private void failed(String version, String reason) {
        failures = version.equals(failing) ? failures + 1 : 1;
        failing = version;
        Duration wait = backoff(poll, failures);
        nextAttempt = nanoClock.getAsLong() + wait.toNanos();
        LOG.warn("version {} did not load ({}); attempt {} failed, next in {} s", version, reason, failures, wait.toMillis() / 1000.0);
    }

    /** The wait after {@code failures} failed attempts: the poll interval doubled each time, at most {@link #MAX_BACKOFF}. */
    static Duration backoff(Duration poll, int failures) {
        long millis = poll.toMillis() << Math.min(failures, 20);
        return millis <= 0 || millis > MAX_BACKOFF.toMillis() ? MAX_BACKOFF : Duration.ofMillis(millis);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
