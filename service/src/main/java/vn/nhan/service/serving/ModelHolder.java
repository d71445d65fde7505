package vn.nhan.service.serving;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.nhan.bundle.BundleException;
import vn.nhan.bundle.ModelBundle;

/**
 * The model being served. Requests take the current {@link LoadedModel} once and use it to the
 * end, so a swap never changes a model under a request in flight. New bundles are loaded and
 * validated on a background thread and swapped in atomically; a bundle that fails validation is
 * refused and the old model keeps serving.
 */
public final class ModelHolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelHolder.class);
    private final AtomicReference<LoadedModel> current = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-loader");
        t.setDaemon(true);
        return t;
    });

    /** The model to use for one request, if one is loaded. */
    public Optional<LoadedModel> current() {
        return Optional.ofNullable(current.get());
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** Loads synchronously (start-up): throws if the bundle is unusable. */
    public LoadedModel loadNow(Path bundle) throws BundleException {
        LoadedModel model = new LoadedModel(ModelBundle.load(bundle), Instant.now());
        warmUp(model);
        current.set(model);
        lastError.set(null);
        return model;
    }

    /** Loads in the background and swaps when valid; the future tells how it went. */
    public Future<LoadedModel> reload(Path bundle) {
        return loader.submit(() -> {
            try {
                LoadedModel model = loadNow(bundle);
                LOG.info("now serving model {} ({})", model.id(), model.path());
                return model;
            } catch (BundleException | RuntimeException e) {
                lastError.set(e.getMessage());
                LOG.warn("refused model {}: {}; still serving {}", bundle, e.getMessage(), current().map(LoadedModel::id).orElse("nothing"));
                throw e;
            }
        });
    }

    private static void warmUp(LoadedModel model) {
        model.classifier().predict("Hội nghị", "Sáng nay, hội nghị tổng kết công tác năm đã diễn ra.");
    }

    @Override
    public void close() {
        loader.shutdownNow();
    }
}
