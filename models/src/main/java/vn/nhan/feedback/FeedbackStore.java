package vn.nhan.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Corrected examples, API keys and recently classified articles, in a real database: SQLite by
 * default ({@code jdbc:sqlite:registry/feedback.db} in WAL mode with {@code synchronous=FULL}, so an
 * acknowledged row survives a crash of the process or the machine), or PostgreSQL
 * ({@code jdbc:postgresql://...}), which replicas on several hosts share. Connections come from a
 * small pool ({@link StorePool}); the schema is versioned by {@link Migrations}. A database that is
 * busy, unreachable or whose file was replaced gives a {@link StoreUnavailableException}: nothing
 * was stored, retry later.
 */
public final class FeedbackStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() { };
    private static final String COLUMNS = "id, document_id, title, text, labels, predicted, model_version, editor, override_base, received_ms";
    private final StorePool pool;
    private final String url;
    private final ScheduledExecutorService probe;

    private FeedbackStore(StorePool pool, String url, ScheduledExecutorService probe) {
        this.pool = pool;
        this.url = url;
        this.probe = probe;
    }

    /** The SQLite URL of {@code registry/feedback.db}. */
    public static String sqliteUrl(Path registry) {
        return "jdbc:sqlite:" + registry.toAbsolutePath().normalize().resolve("feedback.db");
    }

    /** Opens the store at a JDBC URL now, applying the schema migrations it lacks, with the patient limits of a command-line tool. */
    public static FeedbackStore open(String jdbcUrl) throws SQLException {
        return open(jdbcUrl, StoreLimits.TOOLS);
    }

    /** Opens the store now, or throws why it cannot (for tools, which have nothing to do without it). */
    public static FeedbackStore open(String jdbcUrl, StoreLimits limits) throws SQLException {
        StorePool pool = new StorePool(jdbcUrl, limits);
        try {
            pool.run(c -> null);
            return new FeedbackStore(pool, jdbcUrl, null);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Connects to the store for a service: never fails because the database is down (only for a URL
     * no driver takes). While it is down every use throws {@link StoreUnavailableException}, and it
     * is checked again on each use and every {@code retryInterval} in the background, so
     * {@link #health()} follows it and the service recovers by itself.
     */
    public static FeedbackStore connect(String jdbcUrl, StoreLimits limits) throws SQLException {
        StorePool pool = new StorePool(jdbcUrl, limits);
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feedback-store-check");
            t.setDaemon(true);
            return t;
        });
        FeedbackStore store = new FeedbackStore(pool, jdbcUrl, probe);
        store.check();
        long every = limits.retryInterval().toMillis();
        probe.scheduleWithFixedDelay(store::check, every, every, TimeUnit.MILLISECONDS);
        return store;
    }

    /** One use of the database, to keep {@link #health()} current (and reopen or reconnect). */
    private void check() {
        try {
            pool.run(c -> c.isValid(1));
        } catch (SQLException | RuntimeException e) {
            LOG.debug("feedback store check: {}", e.getMessage());
        }
    }

    /**
     * Parses a "since" bound: a date ({@code 2026-01-31}, midnight UTC) or an instant
     * ({@code 2026-01-31T08:00:00Z}); blank means the beginning of time.
     */
    public static Instant parseSince(String value) {
        if (value == null || value.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("since must be a date (2026-01-31) or an instant (2026-01-31T08:00:00Z), got '" + value + "'");
        }
    }

    public String url() {
        return url;
    }

    /** {@code url} with any password replaced by ***, for messages and logs. */
    public static String redacted(String url) {
        return StorePool.redacted(url);
    }

    /** The number of the last schema migration applied (-1 before the database was first reached). */
    public int schemaVersion() {
        return pool.schemaVersion();
    }

    /** Whether the database answered its last use or check, and if not why. */
    public StoreHealth health() {
        return pool.health();
    }

    /** True when {@link #health()} is up. */
    public boolean isAvailable() {
        return pool.health().up();
    }

    /** The API keys kept in this store. */
    public ApiKeys keys() {
        return new ApiKeys(this);
    }

    <T> T withConnection(StorePool.Work<T> work) throws SQLException {
        return pool.run(work);
    }

    /** Stores one correction durably (committed before this returns) and gives it its id. */
    public Feedback add(Feedback f) throws SQLException {
        Instant now = Instant.now();
        return withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO feedback (document_id, title, text, labels, predicted, model_version, editor, override_base, received_ms) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                p.setString(1, f.documentId());
                p.setString(2, f.title());
                p.setString(3, f.text());
                p.setString(4, json(f.labels()));
                p.setString(5, json(f.predicted()));
                p.setString(6, f.modelVersion());
                p.setString(7, f.editor());
                p.setInt(8, f.overrideBase() ? 1 : 0);
                p.setLong(9, now.toEpochMilli());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return new Feedback(keys.getLong(1), f.documentId(), f.title(), f.text(), f.labels(), f.predicted(), f.modelVersion(),
                            f.editor(), f.overrideBase(), now);
                }
            }
        });
    }

    /** Every correction received at or after {@code since}, oldest first. */
    public List<Feedback> since(Instant since) throws SQLException {
        return page(since, 0, Integer.MAX_VALUE);
    }

    /** At most {@code limit} corrections received at or after {@code since} with an id above {@code after}, by id. */
    public List<Feedback> page(Instant since, long after, int limit) throws SQLException {
        return withConnection(c -> {
            List<Feedback> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM feedback WHERE received_ms >= ? AND id > ? ORDER BY id LIMIT ?")) {
                p.setLong(1, since.toEpochMilli());
                p.setLong(2, after);
                p.setInt(3, limit);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.add(new Feedback(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), list(r.getString(5)),
                                list(r.getString(6)), r.getString(7), r.getString(8), r.getInt(9) != 0, Instant.ofEpochMilli(r.getLong(10))));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Keeps an article the service classified, then drops the oldest beyond {@code keep} and those
     * older than {@code retention}.
     */
    public void addRecent(RecentArticle a, int keep, Duration retention) throws SQLException {
        if (keep < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("recent articles: keep at least 1 for a positive time, got " + keep + " for " + retention);
        }
        long now = System.currentTimeMillis();
        withConnection(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO recent_articles (document_id, title, text, scores, labels, margin, "
                    + "model_version, received_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, a.documentId());
                p.setString(2, a.title());
                p.setString(3, a.text());
                p.setString(4, json(a.scores()));
                p.setString(5, json(a.labels()));
                p.setDouble(6, a.margin());
                p.setString(7, a.modelVersion());
                p.setLong(8, now);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM recent_articles WHERE received_ms < ? OR id <= "
                    + "(SELECT COALESCE(MAX(id), 0) FROM recent_articles) - ?")) {
                p.setLong(1, now - retention.toMillis());
                p.setLong(2, keep);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The kept articles, the least certain first (smallest margin), at most {@code limit}. */
    public List<RecentArticle> reviewQueue(int limit) throws SQLException {
        return recent("ORDER BY margin, id DESC LIMIT " + Math.max(0, limit));
    }

    /** Every kept article, oldest first. */
    public List<RecentArticle> recent() throws SQLException {
        return recent("ORDER BY id");
    }

    private List<RecentArticle> recent(String order) throws SQLException {
        return withConnection(c -> {
            List<RecentArticle> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT id, document_id, title, text, scores, labels, margin, model_version, received_ms "
                    + "FROM recent_articles " + order); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new RecentArticle(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), scores(r.getString(5)),
                            list(r.getString(6)), r.getDouble(7), r.getString(8), Instant.ofEpochMilli(r.getLong(9))));
                }
            }
            return out;
        });
    }

    private static String json(Object values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new SQLException("a feedback row holds malformed labels: " + json, e);
        }
    }

    private static Map<String, Double> scores(String json) throws SQLException {
        try {
            return JSON.readValue(json, SCORES);
        } catch (JsonProcessingException e) {
            throw new SQLException("a recent-article row holds malformed scores: " + json, e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (probe != null) {
            probe.shutdownNow();
        }
        pool.close();
    }
}
