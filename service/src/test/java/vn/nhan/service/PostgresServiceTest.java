package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.feedback.PostgresServer;

/**
 * The service on a real PostgreSQL server killed mid-run ({@code pg_ctl -m immediate}) and started
 * again: 503 with Retry-After (never 500) while it is down, classification unaffected, readiness
 * degraded, reconnection by itself afterwards, and every acknowledged (201) correction still there.
 */
class PostgresServiceTest {
    @TempDir
    static Path dir;
    static PostgresServer postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.startIfInstalled();
    }

    @BeforeEach
    void needsPostgres() {
        PostgresServer.assume(postgres);
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    static Set<Long> listed(Http http) {
        Set<Long> ids = new HashSet<>();
        long after = 0;
        for (int page = 0; page < 100; page++) {
            JsonNode body = http.request(HttpRequest.newBuilder(URI.create(http.uri("/v1/feedback?limit=1000&after=" + after)))
                    .header("Authorization", "Bearer " + StoreReliabilityTest.TOKEN).GET()).json();
            body.get("feedback").forEach(f -> ids.add(f.get("id").asLong()));
            if (body.get("next_after").isNull()) {
                return ids;
            }
            after = body.get("next_after").asLong();
        }
        throw new AssertionError("paging does not end");
    }

    @Test
    void aKilledServerGives503MeanwhileAndNoAcknowledgedRowIsLost() throws Exception {
        Path bundle = TestModels.save(dir.resolve("model")).path();
        ServiceConfig config = ServiceConfig.forBundle(bundle).withAdminToken(StoreReliabilityTest.TOKEN)
                .withFeedback(postgres.url(), StoreReliabilityTest.QUICK);
        try (HttpService server = HttpService.start(config)) {
            Http http = new Http(server.port());
            List<Long> acknowledged = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Http.Response r = StoreReliabilityTest.post(http, "pg-before-" + i);
                assertEquals(201, r.status(), r.body());
                acknowledged.add(r.json().get("id").asLong());
            }
            postgres.stopImmediately();
            List<Long> downMs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                StoreReliabilityTest.assertUnavailable(StoreReliabilityTest.post(http, "pg-down-" + i), "store_unavailable");
                downMs.add((System.nanoTime() - start) / 1_000_000);
            }
            assertEquals(200, StoreReliabilityTest.classify(http).status(), "classification does not need the store");
            JsonNode ready = http.get("/health/ready").json();
            assertEquals("degraded", ready.get("store").get("status").asText(), ready.toString());
            postgres.start();
            int refusedAfterRestart = 0;
            Http.Response back = null;
            for (int i = 0; i < 20; i++) { // the first uses may still meet a connection of the killed server
                back = StoreReliabilityTest.post(http, "pg-after-0");
                if (back.status() == 201) {
                    break;
                }
                StoreReliabilityTest.assertUnavailable(back, "store_unavailable");
                refusedAfterRestart++;
            }
            assertEquals(201, back.status(), back.body());
            acknowledged.add(back.json().get("id").asLong());
            for (int i = 1; i < 20; i++) {
                Http.Response r = StoreReliabilityTest.post(http, "pg-after-" + i);
                assertEquals(201, r.status(), r.body());
                acknowledged.add(r.json().get("id").asLong());
            }
            Set<Long> stored = listed(http);
            assertTrue(stored.containsAll(acknowledged), "every acknowledged row is stored: missing "
                    + acknowledged.stream().filter(id -> !stored.contains(id)).toList());
            assertEquals("up", http.get("/health/ready").json().get("store").get("status").asText());
            StoreReliabilityTest.assertNo500(http);
            System.out.println("[store-reliability] PostgreSQL killed mid-run: 5 of 5 posts 503 store_unavailable in " + downMs
                    + " ms; after restart " + refusedAfterRestart + " more 503 before the first 201; " + acknowledged.size()
                    + " acknowledged, 0 lost");
        }
    }
}
