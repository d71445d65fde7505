package vn.nhan.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's schema, versioned by a small numbered-migration table ({@code schema_version}, one
 * row per migration applied): each migration runs once, in order, inside a transaction, on SQLite
 * and PostgreSQL alike. Add a migration by appending to {@link #steps}; never edit one that shipped.
 */
final class Migrations {
    private Migrations() {
    }

    /** One numbered step: its statements, with {@code $ID} standing for the dialect's auto-increment key. */
    record Step(int version, String description, List<String> statements) {
    }

    static List<Step> steps() {
        return List.of(
                new Step(1, "feedback table", List.of(
                        "CREATE TABLE IF NOT EXISTS feedback ($ID, document_id TEXT NOT NULL, title TEXT, text TEXT NOT NULL, "
                                + "labels TEXT NOT NULL, predicted TEXT NOT NULL, model_version TEXT, received_ms BIGINT NOT NULL)",
                        "CREATE INDEX IF NOT EXISTS feedback_received ON feedback (received_ms)")),
                new Step(2, "editor and base override on feedback", List.of(
                        "ALTER TABLE feedback ADD COLUMN editor TEXT",
                        "ALTER TABLE feedback ADD COLUMN override_base INTEGER NOT NULL DEFAULT 0")),
                new Step(3, "api keys", List.of(
                        "CREATE TABLE api_keys (name TEXT PRIMARY KEY, role TEXT NOT NULL, key_id TEXT NOT NULL UNIQUE, "
                                + "salt TEXT NOT NULL, hash TEXT NOT NULL, created_ms BIGINT NOT NULL, revoked_ms BIGINT)")),
                new Step(4, "recently classified articles", List.of(
                        "CREATE TABLE recent_articles ($ID, document_id TEXT, title TEXT, text TEXT NOT NULL, scores TEXT NOT NULL, "
                                + "labels TEXT NOT NULL, margin DOUBLE PRECISION NOT NULL, model_version TEXT, received_ms BIGINT NOT NULL)",
                        "CREATE INDEX recent_articles_margin ON recent_articles (margin)")));
    }

    /** Key of the PostgreSQL advisory lock that lets one replica at a time migrate a shared database. */
    static final long MIGRATION_LOCK = 0x6e68616e_6d696772L; // "nhanmigr"

    /**
     * Applies every step not yet applied; returns the schema version now in place. On PostgreSQL,
     * replicas starting together take turns under an advisory lock, so each step runs once.
     */
    static int apply(Connection c, boolean sqlite) throws SQLException {
        if (sqlite) {
            return applyAll(c, true);
        }
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, MIGRATION_LOCK);
            lock.execute();
        }
        try {
            return applyAll(c, false);
        } finally {
            try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, MIGRATION_LOCK);
                unlock.execute();
            }
        }
    }

    private static int applyAll(Connection c, boolean sqlite) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_ms BIGINT NOT NULL)");
        }
        int current = current(c);
        boolean autoCommit = c.getAutoCommit();
        for (Step step : steps()) {
            if (step.version() <= current) {
                continue;
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : step.statements()) {
                    s.execute(sql.replace("$ID", sqlite ? "id INTEGER PRIMARY KEY AUTOINCREMENT" : "id BIGSERIAL PRIMARY KEY"));
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)")) {
                    p.setInt(1, step.version());
                    p.setString(2, step.description());
                    p.setLong(3, System.currentTimeMillis());
                    p.executeUpdate();
                }
                c.commit();
                current = step.version();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("schema migration " + step.version() + " (" + step.description() + ") failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
        return current;
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
