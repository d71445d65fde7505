package vn.nhan.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Corrected examples, API keys and recently classified articles, in a real database: SQLite by
 * default ({@code jdbc:sqlite:registry/feedback.db} in WAL mode with {@code synchronous=FULL}, so an
 * acknowledged row survives a crash of the process or the machine), or any JDBC URL such as
 * PostgreSQL's. The schema is versioned by {@link Migrations}. One connection, used by one thread
 * at a time (SQLite has a single writer anyway).
 */
public final class FeedbackStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() { };
    private static final String COLUMNS = "id, document_id, title, text, labels, predicted, model_version, editor, override_base, received_ms";
    private final Connection connection;
    private final String url;
    private final int schemaVersion;

    private FeedbackStore(Connection connection, String url, int schemaVersion) {
        this.connection = connection;
        this.url = url;
        this.schemaVersion = schemaVersion;
    }

    /** Work done on the store's connection, under its lock. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** The SQLite URL of {@code registry/feedback.db}. */
    public static String sqliteUrl(Path registry) {
        return "jdbc:sqlite:" + registry.toAbsolutePath().normalize().resolve("feedback.db");
    }

    /** Opens the store at a JDBC URL, applying the schema migrations it lacks. */
    public static FeedbackStore open(String jdbcUrl) throws SQLException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl must not be null");
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        if (sqlite) {
            createParent(jdbcUrl.substring("jdbc:sqlite:".length()));
        }
        Connection c = DriverManager.getConnection(jdbcUrl);
        try {
            if (sqlite) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=FULL");
                    s.execute("PRAGMA busy_timeout=10000");
                }
            }
            int version = Migrations.apply(c, sqlite);
            return new FeedbackStore(c, jdbcUrl, version);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void createParent(String file) throws SQLException {
        try {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the directory of " + file + ": " + e.getMessage(), e);
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

    /** The number of the last schema migration applied. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** The API keys kept in this store. */
    public ApiKeys keys() {
        return new ApiKeys(this);
    }

    synchronized <T> T withConnection(Work<T> work) throws SQLException {
        return work.run(connection);
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
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
