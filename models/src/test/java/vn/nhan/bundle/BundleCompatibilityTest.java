package vn.nhan.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.nhan.model.Classifier;
import vn.nhan.model.ModelType;
import vn.nhan.model.TagOptions;
import vn.nhan.model.Tagger;
import vn.nhan.passage.PassageConfig;

/**
 * Bundles saved by earlier releases keep loading and scoring the same. Each fixture under
 * {@code fixtures/bundle-format-N/} holds a bundle saved by the format-N code from the synthetic
 * corpus and the scores that code computed for a few fixed texts: format 1 by commit d8f225a (DL4J
 * head in {@code neural-head.zip}, no passages), format 2 by {@link BundleFixtureWriter} (passage
 * weight 0.5, with each label's evidence passages).
 */
class BundleCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final float TOLERANCE = 1e-5f;

    static Path fixture() throws URISyntaxException {
        return fixture("bundle-format-1");
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(BundleCompatibilityTest.class.getResource("/fixtures/" + name + "/model/manifest.json").toURI()).getParent();
    }

    private static JsonNode expected() throws IOException, URISyntaxException {
        return expected("bundle-format-1");
    }

    private static JsonNode expected(String name) throws IOException, URISyntaxException {
        return JSON.readTree(fixture(name).resolveSibling("expected-scores.json").toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bundle-format-1", "bundle-format-2"})
    void aBundleOfAnEarlierReleaseLoadsAndScoresAsItDidWhenSaved(String name) throws Exception {
        ModelBundle bundle = ModelBundle.load(fixture(name));
        assertEquals(name, "bundle-format-" + bundle.manifest().formatVersion());
        Classifier c = bundle.classifier();
        assertEquals(ModelType.ENSEMBLE, c.type());
        assertEquals(List.of("the-thao", "kinh-te", "y-te"), c.taxonomy().labels().stream().map(l -> l.id()).toList());
        Tagger tagger = new Tagger(c);
        for (JsonNode k : expected(name).get("cases")) {
            String title = k.get("title").isNull() ? null : k.get("title").asText();
            String text = k.get("text").asText();
            if (k.has("evidence")) {
                assertEquals(k.get("evidence"), JSON.valueToTree(BundleFixtureWriter.evidence(tagger.tag(title, text, new TagOptions(null, 3, true, true)))), text);
            }
            var x = c.features().extract(title, text);
            assertArrayEquals(floats(k.get("scores")), c.predict(title, text).scores(), TOLERANCE, text);
            assertEquals(strings(k.get("labels")), c.predict(title, text).labels().stream().map(l -> l.id()).toList(), text);
            for (ModelType modelType : c.modelTypes()) {
                assertArrayEquals(floats(k.get("whole_article_scores").get(modelType.id())), c.scores(List.of(x), modelType)[0], TOLERANCE,
                        modelType.id() + ": " + text);
            }
            assertArrayEquals(floats(k.get("raw_neural_scores")), c.neural().score(x), TOLERANCE, text);
            assertArrayEquals(floats(k.get("raw_linear_scores")), c.linear().score(x), TOLERANCE, text);
        }
    }

    @Test
    void aFormatOneBundleSavedBeforePassagesExistedScoresWholeArticles(@TempDir Path tmp) throws Exception {
        Path dir = copy(fixture(), tmp.resolve("model"));
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        manifest.remove("passage_weight");
        manifest.remove("passage_thresholds");
        ((ObjectNode) manifest.get("training_config")).remove("passages");
        Files.writeString(dir.resolve("manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("manifest.sha256"), Checksums.sha256(dir.resolve("manifest.json")) + "  manifest.json\n");

        Classifier c = ModelBundle.load(dir).classifier();
        assertEquals(0.0, c.passages().weight());
        assertEquals(PassageConfig.defaults(), c.features().passages());
        for (ModelType modelType : c.modelTypes()) {
            assertArrayEquals(c.wholeArticleThresholds(modelType), c.thresholds(modelType), modelType.id());
        }
        for (JsonNode k : expected().get("cases")) {
            String title = k.get("title").isNull() ? null : k.get("title").asText();
            assertArrayEquals(floats(k.get("whole_article_scores").get("ensemble")), c.predict(title, k.get("text").asText()).scores(), TOLERANCE);
        }
    }

    @Test
    void aModelWhosePassageWeightIsZeroTagsAsWholeArticlesAndStillShowsPassagesAsEvidence() throws Exception {
        Classifier c = ModelBundle.load(fixture()).classifier();
        assertEquals(0.0, c.passages().weight());
        Tagger tagger = new Tagger(c);
        for (JsonNode k : expected().get("cases")) {
            String title = k.get("title").isNull() ? null : k.get("title").asText();
            String text = k.get("text").asText();
            var withPassages = tagger.tag(title, text, TagOptions.defaults());
            assertArrayEquals(floats(k.get("scores")), withPassages.scores(), TOLERANCE, text);
            assertEquals(strings(k.get("labels")), withPassages.labels().stream().map(l -> l.id()).toList(), text);
            var explained = tagger.tag(title, text, TagOptions.defaults().withExplain(true));
            assertArrayEquals(withPassages.scores(), explained.scores(), text);
            explained.labels().forEach(l -> assertTrue(!l.evidence().isEmpty(), l.id() + " has no evidence: " + text));
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static float[] floats(JsonNode array) {
        float[] a = new float[array.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) array.get(i).asDouble();
        }
        return a;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
