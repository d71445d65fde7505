package vn.nhan.feedback;

import java.time.Duration;
import java.util.Map;

/**
 * How the feedback store waits: at most {@code poolSize} connections (PostgreSQL; SQLite always
 * uses one), {@code connectionTimeout} to get a connection, {@code lockTimeout} for a lock held by
 * another writer, {@code queryTimeout} for a silent server, and {@code retryInterval} between
 * background checks of a store that is down. Every wait is short, so a busy or unreachable
 * database gives a quick 503 rather than a hung request.
 */
public record StoreLimits(int poolSize, Duration connectionTimeout, Duration lockTimeout, Duration queryTimeout, Duration retryInterval) {
    public static final StoreLimits DEFAULTS = new StoreLimits(4, Duration.ofMillis(1500), Duration.ofMillis(1000), Duration.ofSeconds(10),
            Duration.ofSeconds(5));
    /** For command-line tools (keys, retrain), which would rather wait a while for a writer than fail. */
    public static final StoreLimits TOOLS = new StoreLimits(2, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(60),
            Duration.ofSeconds(5));

    public StoreLimits {
        if (poolSize < 1 || poolSize > 64) {
            throw new IllegalArgumentException("the store's pool size must be between 1 and 64, got " + poolSize);
        }
        atLeast("connection timeout", connectionTimeout, 250); // HikariCP's minimum
        atLeast("lock timeout", lockTimeout, 1);
        atLeast("query timeout", queryTimeout, 1000); // PostgreSQL's socket timeout counts whole seconds
        atLeast("retry interval", retryInterval, 50);
    }

    private static void atLeast(String name, Duration value, long millis) {
        if (value == null || value.toMillis() < millis) {
            throw new IllegalArgumentException("the store's " + name + " must be at least " + millis + " ms, got " + value);
        }
    }

    /**
     * The limits from {@code NHAN_STORE_POOL}, {@code NHAN_STORE_CONNECT_TIMEOUT_MS},
     * {@code NHAN_STORE_LOCK_TIMEOUT_MS}, {@code NHAN_STORE_QUERY_TIMEOUT_MS} and
     * {@code NHAN_STORE_RETRY_MS}; unset means the default.
     */
    public static StoreLimits fromEnvironment(Map<String, String> env) {
        StoreLimits d = DEFAULTS;
        return new StoreLimits((int) read(env, "NHAN_STORE_POOL", d.poolSize),
                Duration.ofMillis(read(env, "NHAN_STORE_CONNECT_TIMEOUT_MS", d.connectionTimeout.toMillis())),
                Duration.ofMillis(read(env, "NHAN_STORE_LOCK_TIMEOUT_MS", d.lockTimeout.toMillis())),
                Duration.ofMillis(read(env, "NHAN_STORE_QUERY_TIMEOUT_MS", d.queryTimeout.toMillis())),
                Duration.ofMillis(read(env, "NHAN_STORE_RETRY_MS", d.retryInterval.toMillis())));
    }

    private static long read(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
        }
    }

    public StoreLimits withRetryInterval(Duration interval) {
        return new StoreLimits(poolSize, connectionTimeout, lockTimeout, queryTimeout, interval);
    }

    public StoreLimits withTimeouts(Duration connection, Duration lock) {
        return new StoreLimits(poolSize, connection, lock, queryTimeout, retryInterval);
    }
}
