package vn.nhan.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.model.ModelType;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.SyntheticCorpus;

/**
 * Loading a bundle and scoring needs neither DL4J nor ND4J (nor their native libraries): both run
 * here in a class loader that holds only Nhãn's classes and Jackson.
 */
class ServingWithoutNd4jTest {

    @Test
    void bundlesOfBothFormatsLoadAndScoreWithoutDl4jOrNd4j(@TempDir Path tmp) throws Exception {
        Path formatTwo = tmp.resolve("model");
        ModelBundle.save(new ClassifierTrainer(SyntheticCorpus.config(ModelType.ENSEMBLE), ProgressListener.SILENT)
                        .train(SyntheticCorpus.documents(48, 1), SyntheticCorpus.taxonomy()),
                SyntheticCorpus.config(ModelType.ENSEMBLE), TrainingData.of(SyntheticCorpus.documents(48, 1), java.util.List.of("s")), formatTwo);
        JsonNode expected = new ObjectMapper().readTree(BundleCompatibilityTest.fixture().resolveSibling("expected-scores.json").toFile())
                .get("cases").get(0);
        String title = expected.get("title").asText();
        String text = expected.get("text").asText();

        try (URLClassLoader lean = new URLClassLoader(new URL[] {location(ModelBundle.class), location(ObjectMapper.class),
                location(JsonParser.class), location(JsonProperty.class)}, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.nd4j.linalg.factory.Nd4j", false, lean));
            assertThrows(ClassNotFoundException.class, () -> Class.forName("org.deeplearning4j.nn.multilayer.MultiLayerNetwork", false, lean));
            assertArrayEquals(floats(expected.get("scores")), scores(lean, BundleCompatibilityTest.fixture(), title, text), 1e-5f);
            float[] viaDl4jClasspath = ModelBundle.load(formatTwo).classifier().predict(title, text).scores();
            assertArrayEquals(viaDl4jClasspath, scores(lean, formatTwo, title, text), 0f);
        }
    }

    /** {@code ModelBundle.load(dir).classifier().predict(title, text).scores()}, run in {@code loader}. */
    private static float[] scores(ClassLoader loader, Path dir, String title, String text) throws Exception {
        Class<?> bundles = Class.forName(ModelBundle.class.getName(), true, loader);
        Object bundle = bundles.getMethod("load", Path.class).invoke(null, dir);
        Object classifier = bundles.getMethod("classifier").invoke(bundle);
        Object prediction = classifier.getClass().getMethod("predict", String.class, String.class).invoke(classifier, title, text);
        return (float[]) prediction.getClass().getMethod("scores").invoke(prediction);
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static float[] floats(JsonNode array) {
        float[] a = new float[array.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) array.get(i).asDouble();
        }
        return a;
    }
}
