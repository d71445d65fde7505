package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.PostgresServer;
import vn.nhan.registry.ModelRegistry;
import vn.nhan.registry.RetrainLock;

/**
 * Two service replicas sharing one registry directory and one PostgreSQL, each on its own free
 * loopback port: a promotion is served by both within the poll interval (plus the load), a
 * correction posted to one is stored once and listed by both, and the registry's job lock taken
 * for one cannot be taken for the other.
 */
@Tag("slow")
class ReplicasTest {
    static final Duration POLL = Duration.ofMillis(500);
    @TempDir
    static Path dir;
    static PostgresServer postgres;
    static ModelRegistry registry;
    static HttpService a;
    static HttpService b;
    static Http httpA;
    static Http httpB;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.startIfInstalled();
        if (postgres == null) {
            return;
        }
        registry = ModelRegistry.open(dir.resolve("registry"));
        registry.promote(registry.add(TestModels.save(registry.stagingPath()).path()), "test: first model");
        ServiceConfig config = ServiceConfig.forRegistry(registry.root()).withAdminToken(StoreReliabilityTest.TOKEN).withRegistryPoll(POLL)
                .withFeedback(postgres.url(), StoreReliabilityTest.QUICK);
        a = HttpService.start(config);
        b = HttpService.start(config);
        httpA = new Http(a.port());
        httpB = new Http(b.port());
    }

    @BeforeEach
    void needsPostgres() {
        PostgresServer.assume(postgres);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("stopping: " + e.getMessage());
            }
        }
    }

    static String served(Http http) {
        return http.get("/v1/model").json().get("version").asText();
    }

    @Test
    void aPromotionIsServedByBothReplicasWithinThePollInterval() throws Exception {
        String before = served(httpA);
        assertEquals(before, served(httpB));
        String next = registry.add(TestModels.save(registry.stagingPath()).path());
        assertNotEquals(before, next);
        try (RetrainLock lock = RetrainLock.acquire(registry, "promote", postgres.url())) { // as `nhan models promote` does
            registry.promote(next, "test: promoted on one host");
        }
        long start = System.nanoTime();
        long[] seenMs = new long[2];
        List<Http> replicas = List.of(httpA, httpB);
        for (int i = 0; i < replicas.size(); i++) {
            for (int n = 0; n < 20_000 && !served(replicas.get(i)).equals(next); n++) { // bounded; each check is a loopback request
                assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos(), "replica " + i + " never served " + next);
            }
            assertEquals(next, served(replicas.get(i)));
            seenMs[i] = (System.nanoTime() - start) / 1_000_000;
        }
        System.out.println("[replicas] promotion served by replica A after " + seenMs[0] + " ms, B after " + seenMs[1]
                + " ms (poll " + POLL.toMillis() + " ms, plus loading the bundle)");
        assertTrue(Math.max(seenMs[0], seenMs[1]) < POLL.toMillis() + 30_000, "within the poll interval plus the load");
    }

    @Test
    void aCorrectionPostedToOneReplicaIsStoredOnceAndListedByBoth() throws Exception {
        Http.Response r = StoreReliabilityTest.post(httpA, "replica-doc-1");
        assertEquals(201, r.status(), r.body());
        long id = r.json().get("id").asLong();
        for (Http http : List.of(httpA, httpB)) {
            assertTrue(PostgresServiceTest.listed(http).contains(id), "listed by the replica on port " + http.uri(""));
        }
        try (Connection c = DriverManager.getConnection(postgres.url());
             PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM feedback WHERE document_id = ?")) {
            p.setString(1, "replica-doc-1");
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "stored once");
            }
        }
    }

    @Test
    void theJobLockTakenForOneReplicaHoldsForTheOther() throws Exception {
        ModelRegistry otherHost = ModelRegistry.open(dir.resolve("registry")); // the same directory, as another host mounts it
        try (RetrainLock retrain = RetrainLock.acquire(registry, "retrain", postgres.url())) {
            assertThrows(RetrainLock.HeldException.class, () -> RetrainLock.acquire(otherHost, "retrain", postgres.url()));
            assertEquals(200, StoreReliabilityTest.classify(httpA).status(), "serving goes on while a job holds the lock");
            assertEquals(200, StoreReliabilityTest.classify(httpB).status());
        }
        RetrainLock.acquire(otherHost, "retrain", postgres.url()).close();
    }
}
