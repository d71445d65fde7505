package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service under slow clients, overload, huge and hostile texts and a busy port, against a real
 * server on a free loopback port with the default limits. Every loop is bounded in count and time;
 * the time bounds are generous (answered, not timed out after 5 s): the measured figures come from
 * bench/reliability.sh. No request here may get a 500.
 */
class ReliabilityTest {
    private static final Duration ANSWERED = Duration.ofSeconds(5);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(ANSWERED).build();
    @TempDir
    static Path dir;
    static Path bundle;
    static HttpService server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        bundle = TestModels.save(dir.resolve("model")).path();
        server = HttpService.start(ServiceConfig.forBundle(bundle));
        http = new Http(server.port());
    }

    @AfterAll
    static void noRequestGotA500() {
        try {
            String metrics = http.get("/metrics").body();
            assertFalse(metrics.contains("status=\"500\""), "a request got a 500:\n" + metrics.lines().filter(l -> l.contains("\"500\"")).toList());
        } finally {
            server.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(ANSWERED).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> classify(String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(http.uri("/v1/classify"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Random Vietnamese syllables without their marks (one byte each, so 1,000,000 fit a 1 MiB body), {@code chars} characters. */
    private static String syllables(int chars, long seed) {
        String[] s = {"hoi", "nghi", "tinh", "uy", "quan", "doi", "kinh", "te", "giao", "duc", "bong", "da", "dich", "benh", "xa", "phuong"};
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(chars + 8);
        while (b.length() < chars) {
            b.append(s[random.nextInt(s.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return b.substring(0, chars);
    }

    private static void assertShed(int status, String body, java.util.Optional<String> retryAfter) {
        assertEquals(503, status, body);
        assertTrue(retryAfter.isPresent(), "a 503 carries Retry-After");
        try {
            assertEquals("overloaded", Http.JSON.readTree(body).get("error").get("code").asText(), body);
        } catch (IOException e) {
            throw new AssertionError("a 503 without a JSON body: " + body, e);
        }
    }

    @Test
    void healthAndMetricsAnswerUnder300SlowConnections() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // 300 clients on 10 loopback addresses (30 each, under the per-client cap), each sending a
            // request head and the first bytes of a 100 kB body, then nothing
            for (int i = 0; i < 300; i++) {
                Socket s = RawHttp.connect("127.0.0." + (2 + i % 10), server.port());
                slow.add(s);
                RawHttp.send(s, "POST /v1/classify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{\"text\": \"");
            }
            for (String path : List.of("/health/live", "/health/ready", "/metrics")) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(http.uri(path))).GET());
                assertEquals(200, r.statusCode(), path + ": " + r.body());
            }
            HttpResponse<String> small = classify("{\"text\": \"Lễ giao nhận quân năm 2024.\"}");
            if (small.statusCode() != 200) {
                assertShed(small.statusCode(), small.body(), small.headers().firstValue("Retry-After"));
            }
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.contains("nhan_requests_in_flight"), "in-flight requests are in /metrics");
            assertTrue(metrics.contains("nhan_requests_rejected_total{reason=\"lane_full\"}"), "lane rejections are in /metrics");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void overloadOf1MiBRequestsIsAnsweredOrShedWith503() throws Exception {
        String huge = Http.json(Map.of("text", syllables(1_000_000, 7)));
        ExecutorService pool = Executors.newFixedThreadPool(24);
        ConcurrentLinkedQueue<String> bad = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> load = new ArrayList<>();
            for (int t = 0; t < 24; t++) {
                load.add(pool.submit(() -> {
                    for (int n = 0; n < 3; n++) { // 72 requests of 1 MiB in all
                        try {
                            Http.Response r = http.postJson("/v1/classify", huge);
                            if (r.status() == 503) {
                                assertShed(r.status(), r.body(), r.headers().firstValue("Retry-After"));
                            } else if (r.status() != 200) {
                                bad.add(r.status() + " " + r.body());
                            }
                        } catch (RuntimeException | AssertionError e) {
                            bad.add(e.toString());
                        }
                    }
                }));
            }
            int answered = 0;
            int shed = 0;
            for (int n = 0; n < 20; n++) { // small requests sent meanwhile: answered or shed, never left waiting
                HttpResponse<String> r = classify("{\"text\": \"Đội tuyển bóng đá giành chiến thắng trong trận chung kết.\"}");
                if (r.statusCode() == 200) {
                    answered++;
                } else {
                    assertShed(r.statusCode(), r.body(), r.headers().firstValue("Retry-After"));
                    shed++;
                }
            }
            for (Future<?> f : load) {
                f.get(120, TimeUnit.SECONDS);
            }
            assertTrue(bad.isEmpty(), bad.toString());
            assertEquals(20, answered + shed);
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.contains("nhan_queue_length"), "the queue length is in /metrics");
            assertTrue(metrics.contains("nhan_requests_rejected_total{reason=\"queue_full\"}"), "rejections are in /metrics");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHugeTextIsCutAtTheCharacterLimitAndSaysSo() throws Exception {
        String text = syllables(1_000_000, 3);
        JsonNode cut = Http.JSON.readTree(classify(Http.json(Map.of("text", text))).body());
        assertTrue(cut.path("truncated").asBoolean(), cut.toString());
        JsonNode whole = Http.JSON.readTree(classify(Http.json(Map.of("text", text.substring(0, 100_000)))).body());
        assertEquals(whole.get("scores"), cut.get("scores"), "the cut text is scored as its first 100,000 characters");
        assertFalse(whole.has("truncated"), "a text within the limit is not marked");

        JsonNode explained = Http.JSON.readTree(classify(Http.json(Map.of("text", text, "explain", true, "threshold", 0, "top_k", 2))).body());
        assertEquals(2, explained.get("labels").size(), "explain with threshold 0 still stops at top_k: " + explained);
        for (JsonNode label : explained.get("labels")) {
            assertTrue(label.has("evidence"), label.toString());
            for (JsonNode e : label.get("evidence")) {
                assertTrue(e.get("end").asInt() <= 100_000, "evidence lies in the classified part: " + e);
            }
        }
        JsonNode title = Http.JSON.readTree(classify(Http.json(Map.of("title", syllables(200_000, 5), "text", "Bài viết ngắn."))).body());
        assertTrue(title.path("truncated").asBoolean(), "a huge title counts too: " + title);
    }

    @Test
    void hostileTextsGetAnswersNot500s() throws Exception {
        List<String> texts = List.of("\u0000".repeat(10_000), "\u0301".repeat(50_000), "😀".repeat(60_000), "\uD83D".repeat(1000) + "a",
                "a".repeat(300_000), ". ".repeat(200_000), "\u200B\uFEFF".repeat(40_000), "<script>alert(1)</script>".repeat(1000));
        for (String text : texts) {
            HttpResponse<String> r = classify(Http.json(Map.of("text", text, "explain", true)));
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, r.statusCode() + ": " + r.body());
        }
    }

    @Test
    void numbersOutOfRangeAreRefusedNotWrapped() throws Exception {
        for (String topK : List.of("18446744073709551617", "4294967297", "2147483648", "-1", "0", "1001", "2.5", "1e3")) {
            HttpResponse<String> r = classify("{\"text\": \"Bóng đá.\", \"top_k\": " + topK + "}");
            assertEquals(400, r.statusCode(), topK + ": " + r.body());
            assertTrue(r.body().contains("top_k must be an integer between 1 and 1000"), r.body());
        }
        for (String threshold : List.of("1e400", "1.0000001", "-0.5", "NaN", "\"0.5\"")) {
            HttpResponse<String> r = classify("{\"text\": \"Bóng đá.\", \"threshold\": " + threshold + "}");
            assertEquals(400, r.statusCode(), threshold + ": " + r.body());
        }
        assertEquals(200, classify("{\"text\": \"Bóng đá.\", \"top_k\": 1000, \"threshold\": 1}").statusCode());
    }

    @Test
    void onlyJsonInUtf8IsAccepted() throws Exception {
        for (String type : List.of("application/jsonx", "application/json-seq", "application/json; charset=iso-8859-1")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(http.uri("/v1/classify"))).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Bóng đá.\"}")));
            assertEquals(415, r.statusCode(), type + ": " + r.body());
        }
        HttpResponse<String> ok = send(HttpRequest.newBuilder(URI.create(http.uri("/v1/classify"))).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Bóng đá.\"}")));
        assertEquals(200, ok.statusCode(), ok.body());
    }

    @Test
    void errorsJettyAnswersItselfAreJson() throws Exception {
        try (Socket s = RawHttp.connect("127.0.0.1", server.port())) {
            RawHttp.send(s, "GET /?text=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s, ANSWERED);
            assertEquals(414, r.status(), r.body());
            assertTrue(r.header("Content-Type").startsWith("application/json"), r.head());
            assertEquals("uri_too_long", Http.JSON.readTree(r.body()).get("error").get("code").asText());
        }
        try (Socket s = RawHttp.connect("127.0.0.1", server.port())) {
            RawHttp.send(s, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s, ANSWERED);
            assertEquals(431, r.status(), r.body());
            assertNotNull(Http.JSON.readTree(r.body()).get("error"), r.body());
        }
        try (Socket s = RawHttp.connect("127.0.0.1", server.port())) {
            RawHttp.send(s, "NONSENSE\r\n\r\n");
            RawHttp.Response r = RawHttp.read(s, ANSWERED);
            assertEquals(400, r.status(), r.body());
            assertTrue(r.header("Content-Type").startsWith("application/json"), r.head());
        }
    }

    @Test
    void noServerPathInTheModelDescription() {
        Http.Response r = http.get("/v1/model");
        assertEquals(200, r.status());
        assertFalse(r.json().has("path"), r.body());
        String absolute = bundle.toAbsolutePath().getParent().toString();
        assertFalse(r.body().contains(absolute), "the body names the server's directory " + absolute);
    }

    @Test
    void aBusyPortIsNamedAndTheCommandExitsWith1() throws Exception {
        ServiceConfig busy = ServiceConfig.forBundle(bundle).withPort(server.port());
        HttpService.PortInUseException e = assertThrows(HttpService.PortInUseException.class, () -> HttpService.start(busy));
        assertEquals("127.0.0.1:" + server.port() + " is already in use; pass --port or set NHAN_PORT", e.getMessage());

        StringWriter err = new StringWriter();
        picocli.CommandLine cli = ServeCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("--model", bundle.toString(), "--port", String.valueOf(server.port()),
                "--feedback-url", "jdbc:sqlite:" + dir.resolve("busy-port-feedback.db"));
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("nhan serve: 127.0.0.1:" + server.port() + " is already in use; pass --port or set NHAN_PORT"), err.toString());
        assertEquals(200, http.get("/health/live").status(), "the running server is untouched");
    }
}
