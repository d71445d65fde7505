package vn.nhan.service;

import java.nio.file.Path;
import java.time.Duration;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.feedback.StoreLimits;
import vn.nhan.registry.ModelRegistry;

/**
 * The service's settings, validated: where the model comes from (one bundle, or the registry's
 * current model, watched for changes), where to listen, limits, the admin token, and the feedback
 * store (its JDBC URL and how long it may be waited for).
 */
public record ServiceConfig(String host, int port, Path model, Path registry, String adminToken, int maxBatch,
                            long maxBodyBytes, Duration registryPoll, Duration shutdownGrace, String feedbackUrl,
                            ServiceLimits limits, StoreLimits storeLimits) {
    public ServiceConfig {
        if (limits == null) {
            limits = ServiceLimits.DEFAULTS;
        }
        if (storeLimits == null) {
            storeLimits = StoreLimits.DEFAULTS;
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if ((model == null) == (registry == null)) {
            throw new IllegalArgumentException("give exactly one of a model bundle or a registry");
        }
        if (maxBatch < 1 || maxBatch > 10_000) {
            throw new IllegalArgumentException("the batch maximum must be between 1 and 10000, got " + maxBatch);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes, got " + maxBodyBytes);
        }
        if (limits.bodyBudget() < maxBodyBytes) { // else a body of the largest allowed size would never be admitted
            throw new IllegalArgumentException("the body budget (NHAN_BODY_BUDGET, " + limits.bodyBudget()
                    + " bytes) must hold at least one body of the largest size (--max-body, " + maxBodyBytes + " bytes)");
        }
        if (adminToken != null && adminToken.isBlank()) {
            adminToken = null;
        }
        if (feedbackUrl == null || feedbackUrl.isBlank()) {
            feedbackUrl = FeedbackStore.sqliteUrl(registry != null ? registry : Path.of(ModelRegistry.DEFAULT_DIRECTORY));
        }
    }

    /** The settings with the default connection, admission and work limits. */
    public ServiceConfig(String host, int port, Path model, Path registry, String adminToken, int maxBatch,
                         long maxBodyBytes, Duration registryPoll, Duration shutdownGrace, String feedbackUrl) {
        this(host, port, model, registry, adminToken, maxBatch, maxBodyBytes, registryPoll, shutdownGrace, feedbackUrl, ServiceLimits.DEFAULTS,
                StoreLimits.DEFAULTS);
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BATCH = 64;
    public static final long DEFAULT_MAX_BODY = 1L << 20;
    public static final int DEFAULT_REGISTRY_POLL_SECONDS = 2;
    public static final int DEFAULT_SHUTDOWN_GRACE_SECONDS = 30;

    /** A configuration for tests and embedding: port 0 (any free port) on loopback. */
    public static ServiceConfig forBundle(Path model) {
        return new ServiceConfig(DEFAULT_HOST, 0, model, null, null, DEFAULT_MAX_BATCH, DEFAULT_MAX_BODY, Duration.ofSeconds(DEFAULT_REGISTRY_POLL_SECONDS),
                Duration.ofSeconds(DEFAULT_SHUTDOWN_GRACE_SECONDS),
                FeedbackStore.sqliteUrl(model.toAbsolutePath().getParent()));
    }

    public static ServiceConfig forRegistry(Path registry) {
        return new ServiceConfig(DEFAULT_HOST, 0, null, registry, null, DEFAULT_MAX_BATCH, DEFAULT_MAX_BODY, Duration.ofSeconds(DEFAULT_REGISTRY_POLL_SECONDS),
                Duration.ofSeconds(DEFAULT_SHUTDOWN_GRACE_SECONDS), null);
    }

    public ServiceConfig withAdminToken(String token) {
        return new ServiceConfig(host, port, model, registry, token, maxBatch, maxBodyBytes, registryPoll, shutdownGrace, feedbackUrl, limits, storeLimits);
    }

    public ServiceConfig withRegistryPoll(Duration poll) {
        return new ServiceConfig(host, port, model, registry, adminToken, maxBatch, maxBodyBytes, poll, shutdownGrace, feedbackUrl, limits, storeLimits);
    }

    public ServiceConfig withLimits(ServiceLimits newLimits) {
        return new ServiceConfig(host, port, model, registry, adminToken, maxBatch, maxBodyBytes, registryPoll, shutdownGrace, feedbackUrl, newLimits, storeLimits);
    }

    public ServiceConfig withFeedback(String url, StoreLimits newStoreLimits) {
        return new ServiceConfig(host, port, model, registry, adminToken, maxBatch, maxBodyBytes, registryPoll, shutdownGrace, url, limits, newStoreLimits);
    }

    public ServiceConfig withPort(int newPort) {
        return new ServiceConfig(host, newPort, model, registry, adminToken, maxBatch, maxBodyBytes, registryPoll, shutdownGrace, feedbackUrl, limits, storeLimits);
    }
}
