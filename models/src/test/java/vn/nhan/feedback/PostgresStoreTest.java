package vn.nhan.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL server: the same numbered migrations as SQLite, once each even
 * when several stores open the database together, every operation, and a server killed and
 * started again under a running store.
 */
class PostgresStoreTest {
    static PostgresServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PostgresServer.startIfInstalled();
    }

    @BeforeEach
    void needsPostgres() {
        PostgresServer.assume(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theSameMigrationsRunOnceEachWhenSeveralStoresOpenTogether() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> {
                    try (FeedbackStore store = FeedbackStore.open(server.url())) {
                        return store.schemaVersion();
                    }
                }));
            }
            for (Future<Integer> f : opened) {
                assertEquals(Migrations.steps().size(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = DriverManager.getConnection(server.url()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_version")) {
            r.next();
            assertEquals(Migrations.steps().size(), r.getInt(1), "each migration is recorded once");
            assertEquals(Migrations.steps().size(), r.getInt(2));
        }
    }

    @Test
    void correctionsKeysAndTheReviewQueueWorkOnPostgres() throws Exception {
        try (FeedbackStore store = FeedbackStore.open(server.url())) {
            Feedback a = store.add(Feedback.of("pg-1", "Tiêu đề", "Văn bản một.", List.of("a", "b"), List.of("a"), "v1", "lan"));
            Feedback b = store.add(Feedback.of("pg-2", null, "Văn bản hai.", List.of(), null, "v1", "minh").withOverrideBase(true));
            assertTrue(b.id() > a.id());
            List<Feedback> page = store.page(Instant.EPOCH, a.id() - 1, 10).stream().filter(f -> f.documentId().startsWith("pg-")).toList();
            assertEquals(List.of("pg-1", "pg-2"), page.stream().map(Feedback::documentId).toList());
            assertEquals(List.of("a", "b"), page.get(0).labels());
            assertTrue(page.get(1).overrideBase());
            String key = store.keys().add("pg-editor", ApiKey.Role.EDITOR);
            assertEquals(ApiKeys.Check.Status.VALID, store.keys().check(key).status());
            assertTrue(store.keys().revoke("pg-editor"));
            assertEquals(ApiKeys.Check.Status.REVOKED, store.keys().check(key).status());
            for (int i = 0; i < 5; i++) {
                store.addRecent(new RecentArticle(0, "r" + i, null, "văn bản", Map.of("a", 0.5 + i / 10.0), List.of("a"), i / 10.0, "v1", null),
                        3, Duration.ofDays(1));
            }
            assertEquals(List.of("r2", "r3", "r4"), store.recent().stream().map(RecentArticle::documentId).toList());
            assertEquals("r2", store.reviewQueue(1).get(0).documentId());
        }
    }

    @Test
    void aServerKilledAndStartedAgainIsUnavailableMeanwhileAndNoAcknowledgedRowIsLost() throws Exception {
        StoreLimits quick = StoreLimits.DEFAULTS.withTimeouts(Duration.ofMillis(1000), Duration.ofMillis(500)).withRetryInterval(Duration.ofMillis(250));
        try (FeedbackStore store = FeedbackStore.connect(server.url(), quick)) {
            List<Long> acknowledged = new ArrayList<>();
            Callable<Long> write = () -> store.add(Feedback.of("crash-" + acknowledged.size(), null, "Văn bản.", List.of(), null, "v1", "lan")).id();
            for (int i = 0; i < 20; i++) {
                acknowledged.add(write.call());
            }
            server.stopImmediately();
            long start = System.nanoTime();
            StoreUnavailableException down = assertThrows(StoreUnavailableException.class, write::call);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(StoreUnavailableException.Reason.UNAVAILABLE, down.reason(), down.getMessage());
            assertTrue(ms < 5_000, "refused after " + ms + " ms");
            assertThrows(StoreUnavailableException.class, write::call);
            assertFalse(store.isAvailable());
            server.start();
            int refusedAfterRestart = 0;
            for (int i = 0; i < 20 && acknowledged.size() == 20; i++) { // the pool reconnects on use; the first tries may meet the server still starting
                try {
                    acknowledged.add(write.call());
                } catch (StoreUnavailableException e) {
                    refusedAfterRestart++;
                }
            }
            assertEquals(21, acknowledged.size(), "reconnected after the restart");
            assertTrue(store.isAvailable());
            for (int i = 0; i < 20; i++) {
                acknowledged.add(write.call());
            }
            List<Long> stored = store.since(Instant.EPOCH).stream().map(Feedback::id).toList();
            assertTrue(stored.containsAll(acknowledged), "every acknowledged row survives the crash");
            System.out.println("[store-reliability] PostgreSQL killed (-m immediate): add refused in " + ms + " ms as unavailable; "
                    + refusedAfterRestart + " refused after the restart before reconnecting; "
                    + acknowledged.size() + " acknowledged rows, all present after restart");
        }
    }
}
