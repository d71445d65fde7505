package vn.nhan.service;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.nhan.bundle.BundleException;
import vn.nhan.data.PlainNumbers;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.feedback.StoreUnavailableException;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.service.api.AdminRoutes;
import vn.nhan.service.api.ApiError;
import vn.nhan.service.api.ClassifyRoutes;
import vn.nhan.service.api.FeedbackRoutes;
import vn.nhan.service.api.ModelRoutes;
import vn.nhan.service.api.ReviewRoutes;
import vn.nhan.service.api.WebRoutes;
import vn.nhan.service.api.WorkLimiter;
import vn.nhan.service.auth.Access;
import vn.nhan.service.http.ErrorBody;
import vn.nhan.service.http.HttpServerSetup;
import vn.nhan.service.metrics.ServiceMetrics;
import vn.nhan.service.serving.LoadedModel;
import vn.nhan.service.serving.ModelHolder;
import vn.nhan.service.serving.RegistryWatcher;

/**
 * The Nhãn HTTP service: loads the model (refusing to start on a bad bundle), serves the API,
 * the web page and the metrics, hot-reloads when the registry's current model changes, and stops
 * gracefully (in-flight requests finish).
 */
public final class HttpService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);
    private final Javalin app;
    private final ModelHolder models;
    private final RegistryWatcher watcher;

    private final FeedbackStore feedback;
    private final ReviewRoutes review;

    private final List<String> routes;

    private HttpService(Javalin app, List<String> routes, ModelHolder models, RegistryWatcher watcher, FeedbackStore feedback, ReviewRoutes review) {
        this.review = review;
        this.app = app;
        this.routes = routes;
        this.models = models;
        this.watcher = watcher;
        this.feedback = feedback;
    }

    /** Loads the model and starts listening; throws with a one-line reason when it cannot. */
    public static HttpService start(ServiceConfig config) throws IOException {
        return start(config, EditorsConfig.defaults(), app -> { });
    }

    /** As {@link #start(ServiceConfig)}, with the editors' settings (keys required, correction caps). */
    public static HttpService start(ServiceConfig config, EditorsConfig editors) throws IOException {
        return start(config, editors, app -> { });
    }

    /**
     * As {@link #start(ServiceConfig)}, with {@code extraRoutes} registered beside the service's own
     * (for embedding, and for tests that need a handler they control, such as one that blocks).
     */
    public static HttpService start(ServiceConfig config, Consumer<Javalin> extraRoutes) throws IOException {
        return start(config, EditorsConfig.defaults(), extraRoutes);
    }

    /** As {@link #start(ServiceConfig)}, with the editors' settings and extra routes. */
    public static HttpService start(ServiceConfig config, EditorsConfig editors, Consumer<Javalin> extraRoutes) throws IOException {
        ModelHolder models = new ModelHolder();
        ServiceMetrics metrics = new ServiceMetrics();
        ModelRegistry registry = config.registry() == null ? null : ModelRegistry.open(config.registry());
        Path initial = initialBundle(config, registry);
        LoadedModel loaded = models.loadNow(initial);
        metrics.modelServed(loaded.id(), loaded.version());
        FeedbackStore feedback = openFeedback(config);
        RegistryWatcher watcher = null;
        if (registry != null) {
            watcher = new RegistryWatcher(registry, models, loaded.version(), config.registryPoll());
            watcher.start();
        }
        WorkLimiter limiter = new WorkLimiter(config.limits().workers(), config.limits().queue(), config.limits().queueTimeout());
        HttpServerSetup http = new HttpServerSetup(config.limits(), config.maxBodyBytes());
        watch(metrics, limiter, http);
        metrics.gauge("nhan_feedback_store_up", "1 when the feedback store answered its last use or check, 0 while it is degraded",
                () -> feedback.isAvailable() ? 1 : 0);
        List<String> routes = new CopyOnWriteArrayList<>();
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            http.apply(cfg, config.host(), config.port());
            cfg.events(events -> events.handlerAdded(h -> routes.add(h.getHttpMethod().name() + " " + h.getPath())));
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.jsonMapper(jsonMapper());
            cfg.jetty.modifyServer(server -> server.setStopTimeout(config.shutdownGrace().toMillis()));
            cfg.requestLogger.http((ctx, ms) -> metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(), ms));
        });
        new Access(feedback.keys(), config.adminToken(), editors.requireKey()).register(app);
        new ClassifyRoutes(models, config, metrics, limiter).register(app);
        new ModelRoutes(models, feedback::health).register(app);
        new AdminRoutes(models, () -> currentBundle(config, registry)).register(app);
        new FeedbackRoutes(feedback, models, config, editors).register(app);
        ReviewRoutes review = new ReviewRoutes(feedback, models, editors);
        review.register(app);
        new WebRoutes().register(app);
        extraRoutes.accept(app);
        app.get("/metrics", ctx -> {
            models.current().ifPresent(m -> metrics.modelServed(m.id(), m.version()));
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
        });
        registerErrors(app);
        try {
            app.start();
        } catch (Exception e) { // Javalin (Kotlin) may throw checked exceptions undeclared
            closeQuietly(app, watcher, models, feedback);
            if (hasCause(e, BindException.class) || portTaken(config.host(), config.port())) {
                throw new PortInUseException(config.host() + ":" + config.port() + " is already in use; pass --port or set NHAN_PORT", e);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("cannot start the HTTP server on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        LOG.info("serving model {} on http://{}:{}/", loaded.id(), config.host(), app.port());
        return new HttpService(app, List.copyOf(routes), models, watcher, feedback, review);
    }

    /** The port the service was asked to listen on is taken. */
    public static final class PortInUseException extends IOException {
        PortInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** True when {@code host:port} cannot be bound now (Jetty's failed start hides the BindException behind "STOPPED"). */
    private static boolean portTaken(String host, int port) {
        if (port == 0) {
            return false;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Javalin app, RegistryWatcher watcher, ModelHolder models, FeedbackStore feedback) {
        try {
            app.stop();
        } catch (RuntimeException ignored) {
            // it never started
        }
        if (watcher != null) {
            watcher.close();
        }
        models.close();
        try {
            feedback.close();
        } catch (SQLException e) {
            LOG.warn("closing the feedback store: {}", e.getMessage());
        }
    }

    private static void watch(ServiceMetrics metrics, WorkLimiter limiter, HttpServerSetup http) {
        metrics.gauge("nhan_queue_length", "Classify requests waiting for a worker", limiter::waiting);
        metrics.gauge("nhan_requests_in_flight", "API requests being handled (reading, queued or working)", http::apiInFlight);
        metrics.gauge("nhan_connections_open", "Open HTTP connections", http::openConnections);
        metrics.gauge("nhan_body_bytes_in_use", "Declared bytes of the large request bodies being read or handled", http::bodyBytesInUse);
        String rejected = "Requests refused with 503 and Retry-After";
        metrics.counter("nhan_requests_rejected", "queue_full", rejected, limiter::rejectedQueueFull);
        metrics.counter("nhan_requests_rejected", "queue_timeout", rejected, limiter::rejectedTimedOut);
        metrics.counter("nhan_requests_rejected", "lane_full", rejected, http::shedRequests);
        metrics.counter("nhan_requests_rejected", "body_budget", rejected, http::bodiesRefused);
        metrics.counter("nhan_connections_refused", "client_limit", "Connections closed at once: their client had the most allowed open",
                http::refusedConnections);
    }

    private static Path initialBundle(ServiceConfig config, ModelRegistry registry) throws IOException {
        if (registry == null) {
            return config.model();
        }
        return registry.currentBundle().orElseThrow(() -> new BundleException("registry " + registry.root()
                + " has no current model (train one with: bin/nhan bootstrap --registry " + registry.root() + ")"));
    }

    /** The feedback store, connected even when its database is down (its routes answer 503 until it is back). */
    private static FeedbackStore openFeedback(ServiceConfig config) throws IOException {
        try {
            FeedbackStore store = FeedbackStore.connect(config.feedbackUrl(), config.storeLimits());
            if (!store.isAvailable()) {
                LOG.warn("starting without the feedback store (feedback, review and key routes answer 503 until it is back): {}",
                        store.health().reason());
            }
            return store;
        } catch (SQLException e) {
            throw new IOException("cannot open the feedback store " + FeedbackStore.redacted(config.feedbackUrl()) + ": " + e.getMessage(), e);
        }
    }

    private static Path currentBundle(ServiceConfig config, ModelRegistry registry) {
        try {
            return initialBundle(config, registry);
        } catch (IOException e) {
            throw new ApiError(422, "bundle_refused", ApiError.withoutPath(e.getMessage(), registry == null ? config.model() : registry.root()));
        }
    }

    private static String route(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            return path == null || path.isEmpty() || path.equals("*") ? "NOT_FOUND" : path;
        } catch (RuntimeException e) {
            return "NOT_FOUND";
        }
    }

    private static void registerErrors(Javalin app) {
        app.exception(ApiError.class, (e, ctx) -> {
            if (e.status() == 503) {
                ctx.header("Retry-After", "1");
            }
            ctx.status(e.status()).json(error(e.code(), e.getMessage()));
        });
        app.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.warn("feedback store unavailable on {} {}: {}", ctx.method().name(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
            String code = e.reason() == StoreUnavailableException.Reason.BUSY ? "store_busy" : "store_unavailable";
            ctx.status(503).json(error(code, e.getMessage() + " (nothing was stored; retry shortly)"));
        });
        app.exception(SQLException.class, (e, ctx) -> {
            LOG.error("feedback store error on {} {}", ctx.method().name(), ctx.path(), e);
            ctx.header("Retry-After", "5");
            ctx.status(503).json(error("store_error", "the feedback store failed (nothing was stored); it has been logged"));
        });
        app.exception(BadMessageException.class, (e, ctx) -> {
            String code = HttpStatus.forStatus(e.getCode()).getMessage().toLowerCase().replace(' ', '_');
            ctx.status(e.getCode()).json(error(code, e.getReason()));
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            HttpStatus status = HttpStatus.forStatus(e.getStatus());
            String code = status.getMessage().toLowerCase().replace(' ', '_');
            String message = switch (e.getStatus()) {
                case 404 -> "no route " + ctx.method().name() + " " + ctx.path();
                case 405 -> "method " + ctx.method().name() + " is not allowed on " + ctx.path();
                default -> e.getMessage();
            };
            ctx.status(e.getStatus()).json(error(code, message));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method().name(), ctx.path(), e);
            ctx.status(500).json(error("internal_error", "an unexpected error occurred; it has been logged"));
        });
    }

    private static ErrorBody error(String code, String message) {
        return ErrorBody.of(code, message);
    }

    /** The API's JSON: numbers as plain decimals (0.0001, never 1.0E-4). */
    static JavalinJackson jsonMapper() {
        return new JavalinJackson().updateMapper(m -> m.registerModule(PlainNumbers.module()));
    }

    public int port() {
        return app.port();
    }

    /** Waits until the review queue has stored every article classified so far (for tests). */
    public boolean drainReviewQueue(java.time.Duration timeout) throws InterruptedException {
        return review.drain(timeout);
    }

    public ModelHolder models() {
        return models;
    }

    /** The HTTP routes the server registered, as "METHOD /path" (for documentation checks). */
    public List<String> routes() {
        return routes;
    }

    /** Stops accepting, lets in-flight requests finish (up to the grace period), then stops. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        app.stop();
        review.close();
        models.close();
        try {
            feedback.close();
        } catch (SQLException e) {
            LOG.warn("closing the feedback store: {}", e.getMessage());
        }
    }
}
