package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/nhan serve as an operator runs it: SIGTERM ends it with exit code 0, and a corrupt bundle
 * stops start-up with a one-line reason and a non-zero exit. Needs the packaged jars
 * ({@code mvn package} first): runs with -Pe2e after {@code mvn verify}, as .ci/run does.
 */
@Tag("slow")
class ServiceProcessTest {
    static final Path LAUNCHER = Path.of("..", "bin", "nhan").toAbsolutePath().normalize();
    @TempDir
    Path dir;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Corrections need a key: the process is given a bootstrap admin token. */
    static final String ADMIN_TOKEN = "process-test-admin-token";

    Process serve(Path model, int port) throws IOException {
        assertTrue(Files.exists(LAUNCHER.getParent().getParent().resolve("service/target/nhan-service.jar")), "run mvn package first");
        ProcessBuilder builder = new ProcessBuilder(List.of(LAUNCHER.toString(), "serve", "--model", model.toString(), "--port", String.valueOf(port)));
        builder.environment().put("NHAN_FEEDBACK_URL", vn.nhan.feedback.FeedbackStore.sqliteUrl(dir.resolve("registry")));
        builder.environment().put("NHAN_ADMIN_TOKEN", ADMIN_TOKEN);
        return builder.redirectErrorStream(true).redirectOutput(dir.resolve("serve-" + port + ".log").toFile()).start();
    }

    @Test
    void sigtermStopsTheServiceWithExitCodeZero() throws Exception {
        Path model = TestModels.save(dir.resolve("model")).path();
        int port = freePort();
        Process process = serve(model, port);
        Http http = new Http(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean ready = false;
        while (!ready && System.nanoTime() < deadline && process.isAlive()) {
            try {
                ready = http.get("/health/ready").status() == 200;
            } catch (RuntimeException e) {
                Thread.sleep(200);
            }
        }
        assertTrue(ready, Files.readString(dir.resolve("serve-" + port + ".log")));
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("serve-" + port + ".log")));
    }

    @Test
    void acknowledgedFeedbackSurvivesAKillRightAfterThe201() throws Exception {
        Path model = TestModels.save(dir.resolve("model")).path();
        int port = freePort();
        Process process = serve(model, port);
        Http http = awaitReady(process, port);
        Http.Response r = http.request(java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.uri("/v1/feedback")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.json(java.util.Map.of("id", "kill-test",
                        "text", "Hội nghị tập huấn báo cáo viên.", "labels", List.of("training-course"))))));
        process.destroyForcibly();
        assertEquals(201, r.status(), r.body());
        long id = r.json().get("id").asLong();
        process.waitFor(30, TimeUnit.SECONDS);
        try (vn.nhan.feedback.FeedbackStore store = vn.nhan.feedback.FeedbackStore.open(vn.nhan.feedback.FeedbackStore.sqliteUrl(dir.resolve("registry")))) {
            assertTrue(store.since(java.time.Instant.EPOCH).stream().anyMatch(f -> f.id() == id && f.documentId().equals("kill-test")));
        }
    }

    Http awaitReady(Process process, int port) throws Exception {
        Http http = new Http(port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (http.get("/health/ready").status() == 200) {
                    return http;
                }
            } catch (RuntimeException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the service did not become ready: " + Files.readString(dir.resolve("serve-" + port + ".log")));
    }

    @Test
    void aCorruptBundleStopsStartUpWithAOneLineReason() throws Exception {
        Path model = TestModels.save(dir.resolve("model")).path();
        Files.writeString(model.resolve("manifest.json"), "{}", StandardCharsets.UTF_8);
        int port = freePort();
        Process process = serve(model, port);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, process.exitValue());
        String log = Files.readString(dir.resolve("serve-" + port + ".log")).strip();
        assertTrue(log.startsWith("nhan serve: model bundle") && log.contains("manifest.json does not match its checksum"), log);
        assertEquals(1, log.lines().count(), log);
    }
}
