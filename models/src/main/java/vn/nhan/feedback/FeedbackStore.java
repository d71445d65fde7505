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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Corrected examples, in a real database: SQLite by default ({@code jdbc:sqlite:registry/feedback.db}
 * in WAL mode with {@code synchronous=FULL}, so an acknowledged row survives a crash of the
 * process or the machine), or any JDBC URL such as PostgreSQL's. One connection, used by one
 * thread at a time (SQLite has a single writer anyway).
 */
public final class FeedbackStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private final Connection connection;
    private final String url;

    private FeedbackStore(Connection connection, String url) {
        this.connection = connection;
        this.url = url;
    }

    /** The SQLite URL of {@code registry/feedback.db}. */
    public static String sqliteUrl(Path registry) {
        return "jdbc:sqlite:" + registry.toAbsolutePath().normalize().resolve("feedback.db");
    }

    /** Opens (creating the table if needed) the store at a JDBC URL. */
    public static FeedbackStore open(String jdbcUrl) throws SQLException {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl must not be null");
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        if (sqlite) {
            createParent(jdbcUrl.substring("jdbc:sqlite:".length()));
        }
        Connection c = DriverManager.getConnection(jdbcUrl);
        try (Statement s = c.createStatement()) {
            if (sqlite) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
            }
            s.execute("CREATE TABLE IF NOT EXISTS feedback ("
                    + (sqlite ? "id INTEGER PRIMARY KEY AUTOINCREMENT, " : "id BIGSERIAL PRIMARY KEY, ")
                    + "document_id TEXT NOT NULL, title TEXT, text TEXT NOT NULL, labels TEXT NOT NULL, predicted TEXT NOT NULL, "
                    + "model_version TEXT, received_ms BIGINT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS feedback_received ON feedback (received_ms)");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new FeedbackStore(c, jdbcUrl);
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

    /** Stores one correction durably (committed before this returns) and gives it its id. */
    public synchronized Feedback add(Feedback f) throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO feedback (document_id, title, text, labels, predicted, model_version, received_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, f.documentId());
            p.setString(2, f.title());
            p.setString(3, f.text());
            p.setString(4, json(f.labels()));
            p.setString(5, json(f.predicted()));
            p.setString(6, f.modelVersion());
            p.setLong(7, now.toEpochMilli());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new Feedback(keys.getLong(1), f.documentId(), f.title(), f.text(), f.labels(), f.predicted(), f.modelVersion(), now);
            }
        }
    }

    /** Every correction received at or after {@code since}, oldest first. */
    public synchronized List<Feedback> since(Instant since) throws SQLException {
        List<Feedback> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT id, document_id, title, text, labels, predicted, model_version, received_ms FROM feedback WHERE received_ms >= ? ORDER BY id")) {
            p.setLong(1, since.toEpochMilli());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(new Feedback(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), list(r.getString(5)),
                            list(r.getString(6)), r.getString(7), Instant.ofEpochMilli(r.getLong(8))));
                }
            }
        }
        return out;
    }

    private static String json(List<String> values) {
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

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
