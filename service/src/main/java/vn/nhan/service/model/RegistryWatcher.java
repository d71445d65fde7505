package vn.nhan.service.model;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.nhan.registry.ModelRegistry;

/**
 * Polls the registry's {@code current} pointer and asks the {@link ModelHolder} to load a new
 * version when it changes. A version that fails to load is not retried until the pointer changes
 * again or a reload is requested.
 */
public final class RegistryWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryWatcher.class);
    private final ModelRegistry registry;
    private final ModelHolder holder;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "registry-watcher");
        t.setDaemon(true);
        return t;
    });
    private volatile String seen;

    public RegistryWatcher(ModelRegistry registry, ModelHolder holder, String initialVersion) {
        this.registry = registry;
        this.holder = holder;
        this.seen = initialVersion;
    }

    public void start(Duration every) {
        timer.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Loads the registry's current version now if it differs from the one seen last. */
    public void check() {
        try {
            Optional<String> version = registry.currentVersion();
            if (version.isPresent() && !version.get().equals(seen)) {
                seen = version.get();
                LOG.info("registry current changed to {}", seen);
                holder.reload(registry.bundlePath(seen));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the registry {}: {}", registry.root(), e.getMessage());
        }
    }

    /** Forgets the version seen, so the next check reloads whatever is current. */
    public void forget() {
        seen = null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
