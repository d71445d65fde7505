package vn.nhan.service;

import java.time.Duration;
import java.util.Map;

/**
 * How much the service takes on at once, validated; part of {@link ServiceConfig}. Each default
 * lives here, and each limit can be overridden by the environment variable named beside it.
 *
 * <ul>
 * <li>{@code idleTimeout} ({@code NHAN_IDLE_TIMEOUT}, seconds): a connection silent this long is closed.</li>
 * <li>{@code minRequestBytesPerSecond} ({@code NHAN_MIN_DATA_RATE}): a body sent slower is refused with 408.</li>
 * <li>{@code maxThreads} ({@code NHAN_MAX_THREADS}): the server's thread pool.</li>
 * <li>{@code maxConnections} ({@code NHAN_MAX_CONNECTIONS}): open connections; beyond, new ones wait to be accepted.</li>
 * <li>{@code maxConnectionsPerClient} ({@code NHAN_MAX_CONNECTIONS_PER_CLIENT}): open connections from one
 * address; beyond, new ones are closed at once.</li>
 * <li>{@code maxInFlight} ({@code NHAN_MAX_IN_FLIGHT}): API requests being handled at once (reading, queued or
 * working); beyond, 503. Health and metrics have their own lane of {@code healthLane}
 * ({@code NHAN_HEALTH_LANE}) requests, so they answer whatever the API routes are doing.</li>
 * <li>{@code workers} ({@code NHAN_WORKERS}): classifications running at once (default: the cores).</li>
 * <li>{@code queue} ({@code NHAN_QUEUE}): classifications waiting for a worker; beyond, 503.</li>
 * <li>{@code queueTimeout} ({@code NHAN_QUEUE_TIMEOUT}, milliseconds): the longest wait for a worker; then 503.</li>
 * <li>{@code maxChars} ({@code NHAN_MAX_CHARS}): characters of one document (title and text) classified;
 * the rest is cut, and the result says {@code "truncated": true}.</li>
 * <li>{@code bodyBudget} ({@code NHAN_BODY_BUDGET}, bytes): the declared size of the large request bodies
 * (over {@link #SMALL_BODY}; a body of unknown length counts as the largest allowed) being read or handled
 * at once. A large body that does not fit is refused with 503 before any of it is read, so parsing big
 * bodies cannot take every core; small bodies are bounded by {@code maxInFlight} alone.</li>
 * </ul>
 */
public record ServiceLimits(Duration idleTimeout, long minRequestBytesPerSecond, int maxThreads, int maxConnections,
                            int maxConnectionsPerClient, int maxInFlight, int healthLane, int workers, int queue,
                            Duration queueTimeout, int maxChars, int bodyBudget) {
    /** Threads Jetty keeps for itself (acceptor, selectors, reserved threads) beyond the two lanes. */
    public static final int JETTY_THREADS = 24;
    /** Bodies up to this size are cheap to read and parse; only larger ones count against {@code bodyBudget}. */
    public static final int SMALL_BODY = 64 * 1024;

    public static final ServiceLimits DEFAULTS = new ServiceLimits(Duration.ofSeconds(10), 1024, 200, 1000, 100, 128, 16,
            Runtime.getRuntime().availableProcessors(), 32, Duration.ofMillis(500), 100_000, 4 << 20);

    public ServiceLimits {
        if (idleTimeout == null || idleTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("the idle timeout must be at least 100 ms, got " + idleTimeout);
        }
        atLeast("the minimum request data rate (bytes per second)", minRequestBytesPerSecond, 0);
        atLeast("the connection maximum", maxConnections, 1);
        atLeast("the per-client connection maximum", maxConnectionsPerClient, 1);
        atLeast("the in-flight request maximum", maxInFlight, 1);
        atLeast("the health lane", healthLane, 1);
        atLeast("the workers", workers, 1);
        atLeast("the queue", queue, 0);
        atLeast("the character maximum", maxChars, 1000);
        atLeast("the body budget (bytes)", bodyBudget, SMALL_BODY);
        if (queueTimeout == null || queueTimeout.isNegative() || queueTimeout.isZero()) {
            throw new IllegalArgumentException("the queue timeout must be positive, got " + queueTimeout);
        }
        long needed = (long) maxInFlight + healthLane + JETTY_THREADS;
        if (maxThreads < needed) {
            throw new IllegalArgumentException("the thread maximum (" + maxThreads + ") must be at least the in-flight maximum ("
                    + maxInFlight + ") + the health lane (" + healthLane + ") + " + JETTY_THREADS + " for the server itself = " + needed);
        }
    }

    private static void atLeast(String what, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + value);
        }
    }

    /** The defaults, each overridden by its environment variable when set. */
    public static ServiceLimits fromEnvironment(Map<String, String> env) {
        ServiceLimits d = DEFAULTS;
        return new ServiceLimits(
                Duration.ofSeconds(read(env, "NHAN_IDLE_TIMEOUT", d.idleTimeout.toSeconds())),
                read(env, "NHAN_MIN_DATA_RATE", d.minRequestBytesPerSecond),
                (int) read(env, "NHAN_MAX_THREADS", d.maxThreads),
                (int) read(env, "NHAN_MAX_CONNECTIONS", d.maxConnections),
                (int) read(env, "NHAN_MAX_CONNECTIONS_PER_CLIENT", d.maxConnectionsPerClient),
                (int) read(env, "NHAN_MAX_IN_FLIGHT", d.maxInFlight),
                (int) read(env, "NHAN_HEALTH_LANE", d.healthLane),
                (int) read(env, "NHAN_WORKERS", d.workers),
                (int) read(env, "NHAN_QUEUE", d.queue),
                Duration.ofMillis(read(env, "NHAN_QUEUE_TIMEOUT", d.queueTimeout.toMillis())),
                (int) read(env, "NHAN_MAX_CHARS", d.maxChars),
                (int) read(env, "NHAN_BODY_BUDGET", d.bodyBudget));
    }

    private static long read(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value.strip().replace("_", ""));
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number between 0 and " + Integer.MAX_VALUE + ", got '" + value + "'");
        }
    }

    /** Copies with other values, for tests and embedding. */
    public ServiceLimits withQueue(int newQueue, Duration newTimeout) {
        return new ServiceLimits(idleTimeout, minRequestBytesPerSecond, maxThreads, maxConnections, maxConnectionsPerClient, maxInFlight,
                healthLane, workers, newQueue, newTimeout, maxChars, bodyBudget);
    }

    public ServiceLimits withWorkers(int newWorkers) {
        return new ServiceLimits(idleTimeout, minRequestBytesPerSecond, maxThreads, maxConnections, maxConnectionsPerClient, maxInFlight,
                healthLane, newWorkers, queue, queueTimeout, maxChars, bodyBudget);
    }

    public ServiceLimits withMaxChars(int newMaxChars) {
        return new ServiceLimits(idleTimeout, minRequestBytesPerSecond, maxThreads, maxConnections, maxConnectionsPerClient, maxInFlight,
                healthLane, workers, queue, queueTimeout, newMaxChars, bodyBudget);
    }

    public ServiceLimits withBodyBudget(int newBodyBudget) {
        return new ServiceLimits(idleTimeout, minRequestBytesPerSecond, maxThreads, maxConnections, maxConnectionsPerClient, maxInFlight,
                healthLane, workers, queue, queueTimeout, maxChars, newBodyBudget);
    }

    public ServiceLimits withConnections(int newMaxConnectionsPerClient, Duration newIdleTimeout) {
        return new ServiceLimits(newIdleTimeout, minRequestBytesPerSecond, maxThreads, maxConnections, newMaxConnectionsPerClient, maxInFlight,
                healthLane, workers, queue, queueTimeout, maxChars, bodyBudget);
    }
}
