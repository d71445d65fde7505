package vn.nhan.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's migrations, keys (salted hashes only), pages of corrections, the review queue and the held-out split. */
class FeedbackStoreTest {
    @TempDir
    Path dir;

    @Test
    void aStoreMadeBeforeMigrationsIsUpgradedKeepingItsRows() throws Exception {
        String url = FeedbackStore.sqliteUrl(dir);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, document_id TEXT NOT NULL, title TEXT, text TEXT NOT NULL, "
                    + "labels TEXT NOT NULL, predicted TEXT NOT NULL, model_version TEXT, received_ms BIGINT NOT NULL)");
            s.execute("INSERT INTO feedback (document_id, text, labels, predicted, received_ms) VALUES ('old', 'văn bản', '[\"a\"]', '[]', 1)");
        }
        try (FeedbackStore store = FeedbackStore.open(url)) {
            assertEquals(Migrations.steps().size(), store.schemaVersion());
            Feedback old = store.since(Instant.EPOCH).get(0);
            assertEquals("old", old.documentId());
            assertEquals(null, old.editor());
        }
        try (FeedbackStore again = FeedbackStore.open(url); Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM schema_version")) {
            r.next();
            assertEquals(Migrations.steps().size(), r.getInt(1), "each migration is recorded once");
        }
    }

    @Test
    void keysAreStoredAsSaltedHashesAndCheckedByRole() throws Exception {
        String url = FeedbackStore.sqliteUrl(dir);
        try (FeedbackStore store = FeedbackStore.open(url)) {
            String key = store.keys().add("lan", ApiKey.Role.EDITOR);
            String other = store.keys().add("minh", ApiKey.Role.ADMIN);
            assertTrue(key.startsWith("nhan_"));
            assertEquals(ApiKeys.Check.Status.VALID, store.keys().check(key).status());
            assertEquals("lan", store.keys().check(key).key().name());
            assertEquals(ApiKey.Role.ADMIN, store.keys().check(other).key().role());
            String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
            assertEquals(ApiKeys.Check.Status.UNKNOWN, store.keys().check(tampered).status());
            assertEquals(ApiKeys.Check.Status.UNKNOWN, store.keys().check("").status());
            assertThrows(IllegalArgumentException.class, () -> store.keys().add("lan", ApiKey.Role.ADMIN));
            assertThrows(IllegalArgumentException.class, () -> store.keys().add("bad name", ApiKey.Role.ADMIN));
            assertTrue(store.keys().revoke("lan"));
            assertFalse(store.keys().revoke("lan"));
            assertEquals(ApiKeys.Check.Status.REVOKED, store.keys().check(key).status());
            assertEquals(List.of("lan", "minh"), store.keys().list().stream().map(ApiKey::name).toList());
            String secret = key.substring("nhan_".length() + 12 + 1); // nhan_<12-character id>_<secret>; both may hold '_'
            assertTrue(secret.length() >= 32, secret);
            for (Path f : Files.list(dir).toList()) {
                assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret), f.toString());
            }
        }
        assertEquals("role must be one of [editor, admin], got 'boss'", assertThrows(IllegalArgumentException.class, () -> ApiKey.Role.parse("boss")).getMessage());
    }

    @Test
    void pagesFollowIdsWithoutGapsOrRepeats() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(FeedbackStore.sqliteUrl(dir))) {
            for (int i = 0; i < 7; i++) {
                store.add(Feedback.of("d" + i, null, "t" + i, List.of(), List.of(), "v1", "lan"));
            }
            List<Feedback> first = store.page(Instant.EPOCH, 0, 3);
            List<Feedback> second = store.page(Instant.EPOCH, first.get(2).id(), 3);
            List<Feedback> third = store.page(Instant.EPOCH, second.get(2).id(), 3);
            assertEquals(List.of("d0", "d1", "d2", "d3", "d4", "d5", "d6"),
                    java.util.stream.Stream.of(first, second, third).flatMap(List::stream).map(Feedback::documentId).toList());
        }
    }

    @Test
    void theReviewQueueIsLeastCertainFirstAndBounded() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(FeedbackStore.sqliteUrl(dir))) {
            double[] margins = {0.4, 0.01, 0.2, 0.05, 0.3};
            for (int i = 0; i < margins.length; i++) {
                store.addRecent(new RecentArticle(0, "r" + i, null, "text " + i, Map.of("a", 0.5), List.of("a"), margins[i], "v1", null), 3, Duration.ofDays(7));
            }
            assertEquals(List.of("r2", "r3", "r4"), store.recent().stream().map(RecentArticle::documentId).toList(), "only the 3 newest are kept");
            assertEquals(List.of("r3", "r2", "r4"), store.reviewQueue(10).stream().map(RecentArticle::documentId).toList());
            store.withConnection(c -> c.createStatement().executeUpdate("UPDATE recent_articles SET received_ms = 0 WHERE document_id = 'r2'"));
            store.addRecent(new RecentArticle(0, "r5", null, "t", Map.of(), List.of(), 0.1, "v1", null), 3, Duration.ofDays(7));
            assertEquals(List.of("r3", "r4", "r5"), store.recent().stream().map(RecentArticle::documentId).toList(), "older than the retention: dropped");
            assertThrows(IllegalArgumentException.class, () -> store.addRecent(store.recent().get(0), 0, Duration.ofDays(1)));
            assertThrows(IllegalArgumentException.class, () -> store.addRecent(store.recent().get(0), 1, Duration.ZERO));
        }
    }

    @Test
    void aboutOneInFiveDocumentsIsHeldOutAlwaysTheSame() {
        int held = 0;
        for (int i = 0; i < 10_000; i++) {
            if (FeedbackSplit.isHeldOut("doc-" + i)) {
                held++;
            }
        }
        assertEquals(2000, held, 150);
        assertEquals(FeedbackSplit.isHeldOut("abc"), FeedbackSplit.isHeldOut("abc"));
    }
}
