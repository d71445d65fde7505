package vn.nhan.feedback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What goes wrong with a SQLite feedback database, made to happen in tests (StoreFailureTest on the
 * store, StoreReliabilityTest through the service): another writer holding it, its file deleted, a
 * directory that cannot be made; and a check that an acknowledged row is really in the file.
 */
public final class SqliteTrouble {
    private SqliteTrouble() {
    }

    /** Another writer holding the database with BEGIN EXCLUSIVE, until {@link #release}d (or closed). */
    public static final class Lock implements AutoCloseable {
        private final Connection connection;
        private boolean held = true;

        private Lock(Connection connection) {
            this.connection = connection;
        }

        public void release() throws SQLException {
            if (held) {
                try (Statement s = connection.createStatement()) {
                    s.execute("ROLLBACK");
                }
                held = false;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                release();
            } finally {
                connection.close();
            }
        }
    }

    /** Takes the database at {@code jdbcUrl} exclusively from a connection of its own. */
    public static Lock lock(String jdbcUrl) throws SQLException {
        Connection other = DriverManager.getConnection(jdbcUrl);
        try (Statement s = other.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
        } catch (SQLException e) {
            other.close();
            throw e;
        }
        return new Lock(other);
    }

    /** A file at {@code dir/registry}, where the store wants a directory: the store cannot be opened until it is deleted. */
    public static Path registryBlockedByAFile(Path dir) throws IOException {
        Path blocker = dir.resolve("registry");
        Files.writeString(blocker, "a file where the registry directory should be");
        return blocker;
    }

    /** Deletes the database file with its write-ahead log and shared memory, as a careless clean-up would. */
    public static void deleteDatabase(Path file) throws IOException {
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    /** Whether the feedback row {@code id} is in the database file at {@code file} (read afresh). */
    public static boolean inFile(Path file, long id) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM feedback WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && r.getInt(1) == 1;
            }
        }
    }
}
