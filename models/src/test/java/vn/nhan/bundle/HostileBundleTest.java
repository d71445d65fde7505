package vn.nhan.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.model.ModelType;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.SyntheticCorpus;
import vn.nhan.model.TrainingResult;

/**
 * Bundles built to attack the loader, each with checksums recomputed so that only the new checks
 * stand in the way: each is refused with a one-line {@link BundleException}.
 */
class HostileBundleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TrainingResult trained;

    @BeforeAll
    static void train() {
        trained = new ClassifierTrainer(SyntheticCorpus.config(ModelType.ENSEMBLE), ProgressListener.SILENT)
                .train(SyntheticCorpus.documents(48, 1), SyntheticCorpus.taxonomy());
    }

    private static Path saved(Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        ModelBundle.save(trained, SyntheticCorpus.config(ModelType.ENSEMBLE), TrainingData.of(SyntheticCorpus.documents(48, 1), List.of("s")), dir);
        return dir;
    }

    private static Path formatOne(Path tmp) throws Exception {
        return BundleCompatibilityTest.copy(BundleCompatibilityTest.fixture(), tmp.resolve("model"));
    }

    // ---- Java deserialisation ----

    @Test
    void aDl4jHeadWithAPreprocessorEntryIsRefusedBeforeAnythingIsDeserialised(@TempDir Path tmp) throws Exception {
        Path dir = formatOne(tmp);
        ByteArrayOutputStream serialised = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(serialised)) {
            out.writeObject(new ArrayList<>(List.of("a class named in a bundle must never be loaded")));
        }
        addZipEntry(dir.resolve("neural-head.zip"), "preprocessor.bin", serialised.toByteArray());
        rehash(dir);
        assertRefused(dir, "neural-head.zip holds an entry 'preprocessor.bin', which a Nhãn neural head never has "
                + "(allowed: configuration.json, coefficients.bin)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"updaterState.bin", "normalizer.bin", "../coefficients.bin", "noParams.marker"})
    void anyOtherZipEntryIsRefused(String entry, @TempDir Path tmp) throws Exception {
        Path dir = formatOne(tmp);
        addZipEntry(dir.resolve("neural-head.zip"), entry, new byte[] {1, 2, 3});
        rehash(dir);
        assertRefused(dir, "neural-head.zip holds an entry '" + entry + "'");
    }

    @Test
    void aZipEntryDeclaringMoreThanItsCapIsRefusedBeforeItIsRead(@TempDir Path tmp) throws Exception {
        Path dir = formatOne(tmp);
        Path zip = dir.resolve("neural-head.zip");
        byte[] configuration;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            configuration = file.getInputStream(file.getEntry("configuration.json")).readAllBytes();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("configuration.json"));
            out.write(configuration);
            out.putNextEntry(new ZipEntry("coefficients.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 65; i++) {
                out.write(zeros); // 65 MiB of zeros: a few KB compressed
            }
        }
        assertTrue(Files.size(zip) < 1 << 20);
        rehash(dir);
        assertRefused(dir, "neural-head.zip entry coefficients.bin declares 68157440 bytes, more than the 67108864 allowed");
    }

    @Test
    void aDl4jHeadThatIsNotASigmoidOutputLayerIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = formatOne(tmp);
        Path zip = dir.resolve("neural-head.zip");
        byte[] coefficients;
        String configuration;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            coefficients = file.getInputStream(file.getEntry("coefficients.bin")).readAllBytes();
            configuration = new String(file.getInputStream(file.getEntry("configuration.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("configuration.json"));
            out.write(configuration.replace("ActivationSigmoid", "ActivationReLU").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("coefficients.bin"));
            out.write(coefficients);
        }
        rehash(dir);
        assertRefused(dir, "not a sigmoid output layer with bias");
    }

    @Test
    void aNewBundleListingADl4jZipIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        Files.copy(BundleCompatibilityTest.fixture().resolve("neural-head.zip"), dir.resolve("neural-head.zip"));
        ObjectNode manifest = manifest(dir);
        ((ObjectNode) manifest.get("files")).putObject("neural-head.zip");
        write(dir, manifest);
        rehash(dir);
        assertRefused(dir, "naming the file neural-head.zip, which a format-2 ensemble bundle does not have");
    }

    // ---- file names ----

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/dev/zero", "a/b", "", ".", "..", "..\\x", "vocabulary.bin/", "C:x", " linear.bin", "linear.bin\n"})
    void aManifestFileNameThatIsNotAPlainNameInsideTheBundleIsRefused(String name, @TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        Files.writeString(tmp.resolve("x"), "outside the bundle");
        ObjectNode manifest = manifest(dir);
        ((ObjectNode) manifest.get("files")).putObject(name).put("sha256", Checksums.sha256(tmp.resolve("x"))).put("bytes", Files.size(tmp.resolve("x")));
        write(dir, manifest);
        assertRefused(dir, "which is not a plain file name inside the bundle");
    }

    @Test
    void aFileTheFormatDoesNotHaveIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        Files.writeString(dir.resolve("extra.bin"), "x");
        ObjectNode manifest = manifest(dir);
        ((ObjectNode) manifest.get("files")).putObject("extra.bin");
        write(dir, manifest);
        rehash(dir);
        assertRefused(dir, "naming the file extra.bin, which a format-2 ensemble bundle does not have "
                + "(expected: linear.bin, neural-head.bin, neural-table.bin, vocabulary.bin)");
    }

    @Test
    void aModelFileMissingFromTheListIsRefusedRatherThanReadUnchecked(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        ObjectNode manifest = manifest(dir);
        ((ObjectNode) manifest.get("files")).remove("linear.bin");
        write(dir, manifest);
        assertRefused(dir, "has a manifest without linear.bin in its list of files");
    }

    @Test
    void aLinkInPlaceOfAModelFileIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        Path real = Files.move(dir.resolve("vocabulary.bin"), tmp.resolve("vocabulary.bin"));
        try {
            Files.createSymbolicLink(dir.resolve("vocabulary.bin"), real);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        assertRefused(dir, "is corrupt: vocabulary.bin is not a regular file");
    }

    // ---- sizes ----

    @Test
    void aHugeDeclaredSizeIsRefusedBeforeReading(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        ObjectNode manifest = manifest(dir);
        ((ObjectNode) manifest.get("files").get("linear.bin")).put("bytes", 1L << 40);
        write(dir, manifest);
        assertRefused(dir, "declares 1099511627776 bytes for linear.bin, outside the allowed 0..1073741824");
    }

    @Test
    void aNegativeDeclaredSizeIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        ObjectNode manifest = manifest(dir);
        ((ObjectNode) manifest.get("files").get("linear.bin")).put("bytes", -1);
        write(dir, manifest);
        assertRefused(dir, "declares -1 bytes for linear.bin");
    }

    @Test
    void aTruncatedFileWithRecomputedChecksumsIsRefusedByItsHeader(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        for (String name : List.of("linear.bin", "neural-table.bin", "neural-head.bin", "vocabulary.bin")) {
            Path copy = BundleCompatibilityTest.copy(dir, tmp.resolve("truncated-" + name));
            try (RandomAccessFile f = new RandomAccessFile(copy.resolve(name).toFile(), "rw")) {
                f.setLength(f.length() - 4);
            }
            rehash(copy);
            assertRefused(copy, "does not match the file size of");
        }
    }

    @Test
    void aHeaderClaimingAHugeTableIsRefusedBeforeAllocating(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("neural-table.bin").toFile(), "rw")) {
            f.seek(8);
            f.writeInt(Integer.MAX_VALUE); // rows
        }
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("vocabulary.bin").toFile(), "rw")) {
            f.seek(4);
            f.writeInt(99_999_999);
        }
        rehash(dir);
        assertRefused(dir, "vocabulary of 99999999 entries does not match the file size of");
    }

    @Test
    void aTruncatedFileIsRefusedByItsDeclaredSize(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("neural-head.bin").toFile(), "rw")) {
            f.setLength(f.length() - 1);
        }
        assertRefused(dir, "neural-head.bin has");
        assertRefused(dir, "(truncated?)");
    }

    @Test
    void anOversizedManifestIsRefusedBeforeItIsRead(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        try (OutputStream out = Files.newOutputStream(dir.resolve("manifest.sha256"))) {
            out.write(new byte[2048]);
        }
        assertRefused(dir, "manifest.sha256 has 2048 bytes, more than the 1024 allowed");
    }

    // ---- manifest contents ----

    @ParameterizedTest
    @ValueSource(strings = {"3", "0", "\"2\"", "1.5", "null"})
    void aWrongFormatVersionIsRefused(String version, @TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        ObjectNode manifest = manifest(dir);
        manifest.set("format_version", JSON.readTree(version));
        write(dir, manifest);
        assertRefused(dir, "has format version " + version + ", which this Nhãn does not support (supported: 1, 2)");
    }

    @Test
    void aManifestThatIsNotAnObjectIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = saved(tmp);
        write(dir, JSON.readTree("[1, 2]"));
        assertRefused(dir, "has an unreadable manifest: it is not a JSON object");
    }

    @Test
    void malformedEntriesAreRefusedWithTheirPlaceAndNoClassCastException(@TempDir Path tmp) throws Exception {
        record Case(String path, String json, String reason) {
        }
        List<Case> cases = List.of(
                new Case("labels", "\"x\"", "at labels: "),
                new Case("labels", "[{\"id\": 3, \"name\": [], \"group\": \"g\", \"description\": \"d\", \"threshold\": 0.5}]", "at labels[0].name: "),
                new Case("neural_weight", "\"abc\"", "at neural_weight: "),
                new Case("neural_weight", "null", "at neural_weight: "),
                new Case("vocabulary_size", "{}", "at vocabulary_size: "),
                new Case("calibrations", "{\"linear\": {\"slopes\": \"x\"}}", "at calibrations.linear.slopes: "),
                new Case("calibrations", "{\"linear\": {\"slopes\": null, \"intercepts\": [], \"thresholds\": []}}",
                        "at calibrations.linear: a calibration needs slopes, intercepts and thresholds"),
                new Case("training_config", "{\"model_type\": \"svm\"}", "model type 'svm' is not one of ensemble, neural, linear"),
                new Case("model_type", "\"svm\"", "at model_type: model type 'svm' is not one of ensemble, neural, linear"),
                new Case("passage_thresholds", "[1]", "at passage_thresholds: "),
                new Case("files", "{\"linear.bin\": {\"sha256\": \"00\", \"bytes\": \"many\"}}", "at files.linear.bin.bytes: "));
        Path dir = saved(tmp);
        ObjectNode original = manifest(dir);
        for (Case c : cases) {
            ObjectNode manifest = original.deepCopy();
            manifest.set(c.path(), JSON.readTree(c.json()));
            write(dir, manifest);
            BundleException e = assertRefused(dir, "model bundle");
            assertTrue(e.getMessage().contains(c.reason()), () -> c.path() + " = " + c.json() + ": expected '" + c.reason() + "' in: " + e.getMessage());
        }
        ObjectNode folds = original.deepCopy();
        ((ObjectNode) folds.get("training_config")).put("folds", 0);
        write(dir, folds);
        assertRefused(dir, "has a malformed manifest: at training_config: folds must be between 2 and 20, got 0");
    }

    // ---- helpers ----

    private static BundleException assertRefused(Path dir, String reason) {
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains(reason), () -> "expected '" + reason + "' in: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("model bundle"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "the reason is one line: " + e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), "no exception class in the reason: " + e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(t instanceof ClassCastException || t instanceof NullPointerException || t instanceof OutOfMemoryError, e.getMessage());
        }
        return e;
    }

    private static ObjectNode manifest(Path dir) throws IOException {
        return (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
    }

    private static void write(Path dir, JsonNode manifest) throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("manifest.sha256"), Checksums.sha256(file) + "  manifest.json\n");
    }

    /** Recomputes the size and SHA-256 of every listed file, then the manifest's checksum: what an attacker would do. */
    private static void rehash(Path dir) throws IOException {
        ObjectNode manifest = manifest(dir);
        ObjectNode files = (ObjectNode) manifest.get("files");
        for (Iterator<String> it = files.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            files.putObject(name).put("sha256", Checksums.sha256(dir.resolve(name))).put("bytes", Files.size(dir.resolve(name)));
        }
        write(dir, manifest);
    }

    private static void addZipEntry(Path zip, String name, byte[] content) throws IOException {
        Path rebuilt = zip.resolveSibling("rebuilt.zip");
        try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rebuilt))) {
            for (var e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(in.getInputStream(entry).readAllBytes());
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
        }
        Files.move(rebuilt, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
