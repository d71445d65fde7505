package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection limits on a real server with small limits: the per-client cap, the idle timeout and
 * the minimum request data rate. Time bounds are generous; loops are bounded.
 */
class ConnectionLimitsTest {
    static final int PER_CLIENT = 10;
    @TempDir
    static Path dir;
    static HttpService server;

    @BeforeAll
    static void start() throws Exception {
        ServiceConfig base = ServiceConfig.forBundle(TestModels.save(dir.resolve("model")).path());
        server = HttpService.start(base.withLimits(base.limits().withConnections(PER_CLIENT, Duration.ofSeconds(3))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void connectionsOverThePerClientCapAreClosedAndOtherClientsAreServed() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < PER_CLIENT + 5; i++) {
                sockets.add(RawHttp.connect("127.0.0.30", server.port()));
            }
            int closed = 0;
            for (Socket s : sockets) {
                if (RawHttp.closedByServer(s, Duration.ofMillis(50))) { // 15 x 50 ms, well within the idle timeout of 3 s
                    closed++;
                }
            }
            assertEquals(5, closed, "the connections over the cap of " + PER_CLIENT + " were closed");
            assertEquals(200, new Http(server.port()).get("/health/live").status(), "another address is served meanwhile");
            assertTrue(new Http(server.port()).get("/metrics").body().contains("nhan_connections_refused_total{reason=\"client_limit\"}"));
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    @Test
    void closedConnectionsNoLongerCountAgainstTheirClient() throws Exception {
        for (int i = 0; i < 3 * PER_CLIENT; i++) { // three times the cap, one after another, each answered and closed
            try (Socket s = RawHttp.connect("127.0.0.33", server.port())) {
                RawHttp.send(s, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                assertEquals(200, RawHttp.read(s, Duration.ofSeconds(5)).status(), "connection " + i);
            }
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket s = RawHttp.connect("127.0.0.31", server.port())) {
            assertFalse(RawHttp.closedByServer(s, Duration.ofMillis(500)), "open before the idle timeout of 3 s");
            assertTrue(RawHttp.closedByServer(s, Duration.ofSeconds(10)), "closed after the idle timeout");
        }
    }

    @Test
    void aBodyTrickledBelowTheMinimumRateIsRefusedWith408() throws Exception {
        try (Socket s = RawHttp.connect("127.0.0.32", server.port())) {
            RawHttp.send(s, "POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{\"text\": \"");
            RawHttp.Response response = null;
            for (int i = 0; i < 40; i++) { // one byte every 250 ms: 4 B/s, far below 1 kB/s; at most 10 s
                try {
                    RawHttp.send(s, "a");
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(250); // the slow client's pace, not a synchronisation
                if (s.getInputStream().available() > 0) {
                    response = RawHttp.read(s, Duration.ofSeconds(5));
                    break;
                }
            }
            if (response != null) {
                assertEquals(408, response.status(), response.body());
                assertTrue(response.header("Content-Type").startsWith("application/json"), response.head());
            }
            assertTrue(response != null || RawHttp.closedByServer(s, Duration.ofSeconds(5)), "the slow body was cut off");
        }
    }
}
