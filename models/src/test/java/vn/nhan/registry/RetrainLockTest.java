package vn.nhan.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.FeedbackStore;
import vn.nhan.feedback.PostgresServer;

/**
 * The registry's job lock: with a PostgreSQL store an advisory lock that two holders (as on two
 * hosts, each with its own view of the registry directory) cannot take at once; with SQLite the
 * file lock, as before.
 */
class RetrainLockTest {
    static PostgresServer server;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = PostgresServer.startIfInstalled();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void withPostgresTwoHoldersNeverHoldTheLockAtOnce() throws Exception {
        PostgresServer.assume(server);
        ModelRegistry hostA = ModelRegistry.open(dir.resolve("mount-a"));
        ModelRegistry hostB = ModelRegistry.open(dir.resolve("mount-b")); // another host's mount: no file lock could see the first
        try (RetrainLock first = RetrainLock.acquire(hostA, "retrain", server.url())) {
            RetrainLock.HeldException held = assertThrows(RetrainLock.HeldException.class, () -> RetrainLock.acquire(hostB, "promote", server.url()));
            assertTrue(held.getMessage().contains("advisory lock held by 'retrain, pid " + ProcessHandle.current().pid()), held.getMessage());
            assertFalse(Files.exists(hostA.root().resolve("retrain.lock")), "no file lock with PostgreSQL");
        }
        try (RetrainLock second = RetrainLock.acquire(hostB, "promote", server.url())) {
            assertThrows(RetrainLock.HeldException.class, () -> RetrainLock.acquire(hostA, "retrain", server.url()));
        }
        RetrainLock.acquire(hostA, "retrain", server.url()).close(); // released when the holder closed it
    }

    @Test
    void withSqliteTheFileLockStays() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("registry"));
        String sqlite = FeedbackStore.sqliteUrl(registry.root());
        try (RetrainLock first = RetrainLock.acquire(registry, "retrain", sqlite)) {
            assertTrue(Files.readString(registry.root().resolve("retrain.lock")).startsWith("retrain, pid "));
            assertThrows(RetrainLock.HeldException.class, () -> RetrainLock.acquire(registry, "promote", sqlite));
        }
        RetrainLock.acquire(registry, "promote", null).close();
    }
}
