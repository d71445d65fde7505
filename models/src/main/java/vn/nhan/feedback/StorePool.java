package vn.nhan.feedback;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's connections: a HikariCP pool (validated on borrow, dead connections replaced, so the
 * store reconnects by itself), the schema migrations applied on the first connection to each
 * database, every "busy" or "unreachable" error turned into a {@link StoreUnavailableException},
 * and the store's health, kept from each use.
 *
 * <p>SQLite gets a pool of one: it has a single writer anyway, so more connections would only move
 * the wait from the pool ({@code connectionTimeout}) to SQLite's busy handler ({@code lockTimeout},
 * which still covers other processes such as {@code bin/nhan keys}); and one connection is one open
 * file to check. Before and after each use the file at the path must be the one the connection has
 * open (same file key): a file deleted or replaced under the service is reopened at its path, and a
 * write that landed in a file no longer there is reported unavailable, never acknowledged.
 */
final class StorePool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorePool.class);
    private final String url;
    private final boolean sqlite;
    private final Path file;
    private final StoreLimits limits;
    private final HikariDataSource pool;
    private volatile int schemaVersion = -1;
    private volatile Object fileKey;
    private volatile StoreHealth health = StoreHealth.up(Instant.now());

    StorePool(String url, StoreLimits limits) throws SQLException {
        this.url = Objects.requireNonNull(url, "the store's JDBC URL must not be null");
        this.limits = limits;
        this.sqlite = url.startsWith("jdbc:sqlite:");
        this.file = sqlite ? sqliteFile(url) : null;
        try {
            this.pool = new HikariDataSource(config());
        } catch (RuntimeException e) { // HikariCP: no driver for the URL, or a setting it refuses
            throw new SQLException("no JDBC driver or setting takes this URL (" + StoreErrors.firstLine(e.getMessage()) + ")", e);
        }
    }

    private HikariConfig config() {
        HikariConfig h = new HikariConfig();
        h.setPoolName("nhan-store");
        h.setJdbcUrl(url);
        h.setConnectionTimeout(limits.connectionTimeout().toMillis());
        h.setValidationTimeout(Math.max(250, limits.connectionTimeout().toMillis() / 2));
        h.setInitializationFailTimeout(-1); // start even when the database is down; connections are made on use
        if (sqlite) {
            h.setMaximumPoolSize(1);
            h.setMaxLifetime(0); // one connection for good: recycling it gains nothing on a local file
            h.addDataSourceProperty("journal_mode", "WAL");
            h.addDataSourceProperty("synchronous", "FULL"); // an acknowledged row survives a crash of the machine
            h.addDataSourceProperty("busy_timeout", String.valueOf(limits.lockTimeout().toMillis()));
        } else {
            h.setMaximumPoolSize(limits.poolSize());
            h.setMinimumIdle(1);
            h.setKeepaliveTime(Duration.ofSeconds(30).toMillis());
            if (url.startsWith("jdbc:postgresql:")) {
                long connectSeconds = Math.max(1, limits.connectionTimeout().toSeconds());
                driverDefault(h, "connectTimeout", String.valueOf(connectSeconds));
                driverDefault(h, "socketTimeout", String.valueOf(Math.max(1, limits.queryTimeout().toSeconds())));
                driverDefault(h, "tcpKeepAlive", "true");
                driverDefault(h, "ApplicationName", "nhan");
                h.setConnectionInitSql("SET lock_timeout = '" + limits.lockTimeout().toMillis() + "ms'");
            }
        }
        return h;
    }

    /** Sets a driver property unless the URL already gives it. */
    private void driverDefault(HikariConfig h, String name, String value) {
        if (!url.contains(name + "=")) {
            h.addDataSourceProperty(name, value);
        }
    }

    /** Work done on one of the store's connections. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    boolean isSqlite() {
        return sqlite;
    }

    int schemaVersion() {
        return schemaVersion;
    }

    StoreHealth health() {
        return health;
    }

    /**
     * Runs {@code work} on a connection of a migrated database; a busy or unreachable database, or
     * a SQLite file deleted or replaced meanwhile, is a {@link StoreUnavailableException}.
     */
    <T> T run(Work<T> work) throws SQLException {
        Connection c = null;
        try {
            c = ready();
            T result = work.run(c);
            if (file != null && !Objects.equals(fileKey(file), fileKey)) {
                pool.evictConnection(c);
                c = null;
                fileKey = null;
                throw new StoreUnavailableException(StoreUnavailableException.Reason.REPLACED, "the feedback store's file " + file
                        + " was deleted or replaced while in use; this was not stored in it; retry", Duration.ofSeconds(1), null);
            }
            up();
            return result;
        } catch (SQLException e) {
            SQLException mapped = StoreErrors.classify(e, sqlite, limits);
            if (mapped instanceof StoreUnavailableException u && u.reason() != StoreUnavailableException.Reason.BUSY) {
                down(u); // busy is not down: the database answers, another writer holds it
            }
            throw mapped;
        } finally {
            if (c != null) {
                c.close();
            }
        }
    }

    /**
     * A connection to the database now at the URL, with the migrations applied. For SQLite, the
     * first use of a file (at start, or after it was deleted or replaced) takes a fresh connection,
     * so the connection and the recorded file key are of the same file.
     */
    private Connection ready() throws SQLException {
        if (file == null) {
            Connection c = pool.getConnection();
            try {
                if (schemaVersion < 0) {
                    schemaVersion = Migrations.apply(c, sqlite);
                }
                return c;
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        Object known = fileKey;
        if (known != null) {
            Connection c = pool.getConnection();
            if (Objects.equals(fileKey(file), known)) {
                return c;
            }
            LOG.warn("the feedback store's file {} was deleted or replaced; reopening it", file);
            pool.evictConnection(c);
            fileKey = null;
        }
        createParent(file);
        Connection c = pool.getConnection();
        pool.evictConnection(c); // it may have been opened before the file changed
        c = pool.getConnection();
        try {
            schemaVersion = Migrations.apply(c, sqlite);
            fileKey = fileKey(file);
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private void up() {
        if (!health.up()) {
            LOG.info("the feedback store {} is available again", redacted(url));
            health = StoreHealth.up(Instant.now());
        }
    }

    private void down(StoreUnavailableException e) {
        if (health.up()) {
            LOG.warn("the feedback store {} is degraded: {}", redacted(url), e.getMessage());
            health = StoreHealth.degraded(e.getMessage(), Instant.now());
        } else if (!Objects.equals(health.reason(), e.getMessage())) {
            health = StoreHealth.degraded(e.getMessage(), health.since());
        }
    }

    /** The identity of the file at {@code path} (device and inode on Linux), null when there is none. */
    private static Object fileKey(Path path) throws SQLException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new StoreUnavailableException(StoreUnavailableException.Reason.UNAVAILABLE, "cannot read the feedback store's file "
                    + path + ": " + e.getMessage(), Duration.ofSeconds(1), e);
        }
    }

    /** The file of a SQLite URL, or null for an in-memory database. */
    static Path sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.equals(":memory:") || rest.contains("mode=memory")) {
            return null;
        }
        return Path.of(rest).toAbsolutePath().normalize();
    }

    private static void createParent(Path file) throws SQLException {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException(StoreUnavailableException.Reason.UNAVAILABLE, "cannot create the directory of " + file
                    + ": " + e.getMessage(), Duration.ofSeconds(5), e);
        }
    }

    /** The URL without a password, for logs and messages. */
    static String redacted(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public void close() {
        pool.close();
    }
}
