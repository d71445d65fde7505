package vn.nhan.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.bundle.TrainingData;
import vn.nhan.data.Document;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.model.ModelType;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.SyntheticCorpus;

/**
 * openapi.json is valid JSON, an OpenAPI 3.0 document whose references resolve, and it documents
 * exactly the routes the server registers (read from Javalin's router), each with its responses.
 */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @TempDir
    static Path tmp;
    private static HttpService server;
    private static JsonNode document;

    @BeforeAll
    static void startServerOnATinyModel() throws IOException {
        List<Document> docs = SyntheticCorpus.documents(48, 1);
        var result = new ClassifierTrainer(SyntheticCorpus.config(ModelType.LINEAR), ProgressListener.SILENT).train(docs, SyntheticCorpus.taxonomy());
        ModelBundle bundle = ModelBundle.save(result, SyntheticCorpus.config(ModelType.LINEAR), TrainingData.of(docs, List.of("synthetic.jsonl")), tmp.resolve("model"));
        server = HttpService.start(ServiceConfig.forBundle(bundle.path()));
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/web/openapi.json")) {
            assertNotNull(in, "web/openapi.json is on the class path");
            document = JSON.readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void isAnOpenApi3DocumentWithInfoAndPaths() {
        assertTrue(document.path("openapi").asText().startsWith("3.0."), "openapi: 3.0.x");
        assertFalse(document.path("info").path("title").asText().isBlank());
        assertFalse(document.path("info").path("version").asText().isBlank());
        assertTrue(document.path("paths").isObject() && document.path("paths").size() > 0);
    }

    @Test
    void documentsExactlyTheRegisteredRoutes() {
        Set<String> registered = new TreeSet<>();
        for (String route : server.routes()) {
            String[] parts = route.split(" ", 2);
            if (!METHODS.contains(parts[0].toLowerCase(Locale.ROOT))) {
                continue; // before/after handlers (the access check, the review queue's recorder) are not routes
            }
            registered.add(parts[0].toLowerCase(Locale.ROOT) + " " + parts[1].replaceAll("[{<]([^}>]+)[}>]", "{$1}"));
        }
        assertTrue(registered.contains("post /v1/classify"), "the route list is read: " + registered);
        Set<String> documented = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                documented.add(method + " " + path.getKey());
            }
        }));
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(documented);
        Set<String> stale = new TreeSet<>(documented);
        stale.removeAll(registered);
        assertTrue(missing.isEmpty(), "routes the server has but openapi.json does not document: " + missing);
        assertTrue(stale.isEmpty(), "routes openapi.json documents but the server does not have: " + stale);
    }

    @Test
    void everyOperationHasASummaryAndResponsesWithAnErrorSchemaForErrors() {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            assertFalse(op.getValue().path("summary").asText().isBlank(), where + " has a summary");
            JsonNode responses = op.getValue().path("responses");
            assertTrue(responses.has("200") || responses.has("201"), where + " documents its success status");
            responses.fields().forEachRemaining(r -> {
                JsonNode response = resolve(r.getValue());
                assertFalse(response.path("description").asText().isBlank(), where + " " + r.getKey() + " has a description");
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    assertEquals("#/components/schemas/Error", response.path("content").path("application/json").path("schema").path("$ref").asText(),
                            where + " " + r.getKey() + " answers with the Error schema");
                }
            });
        }));
    }

    @Test
    void postRoutesHaveAJsonBodyAndErrorStatuses() {
        for (String path : List.of("/v1/classify", "/v1/classify/batch")) {
            JsonNode op = document.path("paths").path(path).path("post");
            assertTrue(op.path("requestBody").path("content").has("application/json"), path + " has a JSON body");
            for (String status : List.of("200", "400", "413", "415", "503")) {
                assertTrue(op.path("responses").has(status), path + " documents " + status);
            }
        }
    }

    @Test
    void adminReloadNeedsTheBearerToken() {
        JsonNode op = document.path("paths").path("/admin/reload").path("post");
        assertEquals("bearerAuth", op.path("security").path(0).fieldNames().next());
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearerAuth");
        assertEquals("http", scheme.path("type").asText());
        assertEquals("bearer", scheme.path("scheme").asText());
        for (String status : List.of("200", "401", "403", "422")) {
            assertTrue(op.path("responses").has(status), "/admin/reload documents " + status);
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), "local reference " + ref);
            assertFalse(document.at(ref.substring(1)).isMissingNode(), "reference " + ref + " resolves");
        }
    }

    @Test
    void theServerServesTheSameDocument() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(document, JSON.readTree(response.body()));
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.isEmpty() ? node : document.at(ref.substring(1));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.equals("$ref")) {
                    refs.add(node.get(name).asText());
                } else {
                    collectRefs(node.get(name), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
