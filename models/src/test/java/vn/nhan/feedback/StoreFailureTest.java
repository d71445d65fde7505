package vn.nhan.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store when its database fails: locked by another writer, its file deleted or replaced,
 * unreachable, or impossible to open at start. Each is a {@link StoreUnavailableException} with
 * its reason, quickly, and never an acknowledged row that is not in the database in use.
 */
class StoreFailureTest {
    private static final StoreLimits QUICK = StoreLimits.DEFAULTS.withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300))
            .withRetryInterval(Duration.ofMillis(200));
    @TempDir
    Path dir;

    static Feedback correction(String id) {
        return Feedback.of(id, "Sơ kết", "Hội nghị sơ kết 6 tháng.", List.of("review-conference"), List.of(), "v1", "lan");
    }

    @Test
    void aDatabaseLockedByAnotherWriterIsBusyWithinTheLockTimeoutThenWorksAgain() throws Exception {
        String url = FeedbackStore.sqliteUrl(dir);
        try (FeedbackStore store = FeedbackStore.connect(url, QUICK)) {
            store.add(correction("before"));
            SqliteTrouble.Lock lock = SqliteTrouble.lock(url);
            long start = System.nanoTime();
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.add(correction("locked")));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(StoreUnavailableException.Reason.BUSY, e.reason(), e.getMessage());
            assertTrue(ms < 5_000, "refused after " + ms + " ms, not after a long wait");
            assertTrue(store.isAvailable(), "busy is not down: the database answers, another writer holds it");
            lock.close();
            Feedback after = store.add(correction("after"));
            assertTrue(store.isAvailable());
            assertEquals(List.of("before", "after"), store.since(Instant.EPOCH).stream().map(Feedback::documentId).toList());
            assertTrue(SqliteTrouble.inFile(dir.resolve("feedback.db"), after.id()));
        }
    }

    @Test
    void aDeletedFileIsReopenedAndEveryAcknowledgedRowIsInTheFileAtThePath() throws Exception {
        Path file = dir.resolve("feedback.db");
        try (FeedbackStore store = FeedbackStore.connect(FeedbackStore.sqliteUrl(dir), QUICK)) {
            store.keys().add("lan", ApiKey.Role.EDITOR);
            store.add(correction("old"));
            SqliteTrouble.deleteDatabase(file);
            Feedback stored = store.add(correction("new"));
            assertTrue(SqliteTrouble.inFile(file, stored.id()), "the acknowledged row is in the file now at the path");
            assertEquals(List.of("new"), store.since(Instant.EPOCH).stream().map(Feedback::documentId).toList());
            assertEquals(Migrations.steps().size(), store.schemaVersion(), "the new file got the schema");
        }
    }

    @Test
    void aFileReplacedWhileAWriteIsUnderWayIsNotAcknowledged() throws Exception {
        Path file = dir.resolve("feedback.db");
        Path copy = dir.resolve("copy.db");
        try (FeedbackStore store = FeedbackStore.connect(FeedbackStore.sqliteUrl(dir), QUICK)) {
            store.add(correction("first"));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + copy + "'");
            }
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO feedback (document_id, text, labels, predicted, received_ms) VALUES ('lost', 't', '[]', '[]', 1)");
                }
                try {
                    // a restore under the running store: the copy moved over the file, the old write-ahead log removed
                    Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.deleteIfExists(Path.of(file + "-wal"));
                    Files.deleteIfExists(Path.of(file + "-shm"));
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
                return null;
            }));
            assertEquals(StoreUnavailableException.Reason.REPLACED, e.reason(), e.getMessage());
            Feedback next = store.add(correction("next"));
            assertTrue(SqliteTrouble.inFile(file, next.id()));
            assertEquals(List.of("first", "next"), store.since(Instant.EPOCH).stream().map(Feedback::documentId).toList());
        }
    }

    @Test
    void anUnreachableServerIsUnavailableQuicklyAndTheStoreStillConnects() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/nhan?user=nhan";
        assertThrows(StoreUnavailableException.class, () -> FeedbackStore.open(url, QUICK), "a tool is told at once");
        try (FeedbackStore store = FeedbackStore.connect(url, QUICK)) {
            assertFalse(store.isAvailable());
            assertTrue(store.health().reason().contains("unavailable"), store.health().reason());
            long start = System.nanoTime();
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> store.add(correction("x")));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(StoreUnavailableException.Reason.UNAVAILABLE, e.reason(), e.getMessage());
            assertTrue(ms < 5_000, "refused after " + ms + " ms");
        }
    }

    @Test
    void aStoreThatCannotBeOpenedAtStartIsDegradedThenRecoversByItself() throws Exception {
        Path blocker = SqliteTrouble.registryBlockedByAFile(dir);
        try (FeedbackStore store = FeedbackStore.connect(FeedbackStore.sqliteUrl(blocker), QUICK)) {
            assertFalse(store.isAvailable(), "degraded, not thrown");
            assertThrows(StoreUnavailableException.class, () -> store.add(correction("x")));
            Files.delete(blocker);
            Feedback stored = store.add(correction("y")); // retried on use
            assertTrue(store.isAvailable());
            assertTrue(SqliteTrouble.inFile(blocker.resolve("feedback.db"), stored.id()));
        }
    }
}
