package vn.nhan.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;
import vn.nhan.features.SparseVector;
import vn.nhan.model.Classifier;
import vn.nhan.model.ClassifierTrainer;
import vn.nhan.model.ModelType;
import vn.nhan.model.Prediction;
import vn.nhan.model.ProgressListener;
import vn.nhan.model.SyntheticCorpus;
import vn.nhan.model.TrainingResult;

/** Saving tiny trained models as bundles, loading them back, and refusing damaged bundles. */
class ModelBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Document> DOCS = SyntheticCorpus.documents(48, 1);
    private static final Taxonomy TAXONOMY = SyntheticCorpus.taxonomy();
    private static final TrainingData DATA = TrainingData.of(DOCS, List.of("synthetic.jsonl"));
    private static final List<String> TEXTS = List.of(
            "Đội tuyển bóng đá thắng trận đấu vòng loại nhờ bàn thắng của tiền đạo.",
            "Ngân hàng giảm lãi suất, doanh nghiệp xuất khẩu hưởng lợi.",
            "Bệnh viện tăng cường tiêm chủng vắc xin cho bệnh nhân.",
            "Bác sĩ đội tuyển kiểm tra sức khỏe cầu thủ trước trận đấu ở sân vận động.",
            "xyzzy");
    private static final Map<ModelType, TrainingResult> TRAINED = new EnumMap<>(ModelType.class);

    @BeforeAll
    static void trainOneModelOfEachType() {
        for (ModelType type : ModelType.values()) {
            TRAINED.put(type, new ClassifierTrainer(SyntheticCorpus.config(type), ProgressListener.SILENT).train(DOCS, TAXONOMY));
        }
    }

    private static ModelBundle save(ModelType type, Path dir) throws IOException {
        return ModelBundle.save(TRAINED.get(type), SyntheticCorpus.config(type), DATA, dir);
    }

    // ---- round trip ----

    @ParameterizedTest
    @EnumSource(ModelType.class)
    void aSavedBundleLoadsBackAndPredictsIdentically(ModelType type, @TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        ModelBundle saved = save(type, dir);
        ModelBundle loaded = ModelBundle.load(dir);

        Classifier original = TRAINED.get(type).classifier();
        Classifier restored = loaded.classifier();
        assertEquals(type, restored.type());
        assertEquals(original.modelTypes(), restored.modelTypes());
        assertEquals(original.neuralWeight(), restored.neuralWeight());
        assertEquals(original.features().config(), restored.features().config());
        assertEquals(original.features().dimension(), restored.features().dimension());
        assertEquals(TAXONOMY.labels(), restored.taxonomy().labels());
        for (String text : TEXTS) {
            Prediction before = original.predict("Tin tức", text);
            Prediction after = restored.predict("Tin tức", text);
            assertArrayEquals(before.scores(), after.scores(), text);
            assertEquals(before.labels(), after.labels(), text);
        }
        List<SparseVector> rows = TEXTS.stream().map(t -> original.features().extract(null, t)).toList();
        for (ModelType modelType : original.modelTypes()) {
            assertArrayEquals(original.thresholds(modelType), restored.thresholds(modelType), modelType.id());
            assertArrayEquals(original.scores(rows, modelType), restored.scores(rows, modelType), modelType.id());
        }
        assertEquals(saved.id(), loaded.id());
        assertEquals(saved.version(), loaded.version());
        assertEquals(dir.toAbsolutePath(), loaded.path());
    }

    @Test
    void theManifestDescribesTheModelAndEveryFile(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.ENSEMBLE, dir);
        JsonNode m = JSON.readTree(dir.resolve("manifest.json").toFile());

        assertEquals("nhan-bundle", m.get("format").asText());
        assertEquals(2, m.get("format_version").asInt());
        assertTrue(m.get("format_version").isInt());
        assertEquals("ensemble", m.get("model_type").asText());
        assertTrue(m.get("version").asText().matches("\\d{8}-\\d{6}-\\d{3}"), m.get("version").asText());
        assertEquals("nhan-ensemble-" + m.get("version").asText() + "-" + DATA.sha256().substring(0, 8), m.get("model_id").asText());

        Classifier c = TRAINED.get(ModelType.ENSEMBLE).classifier();
        JsonNode labels = m.get("labels");
        assertEquals(3, labels.size());
        for (int l = 0; l < 3; l++) {
            JsonNode label = labels.get(l);
            assertEquals(TAXONOMY.get(l).id(), label.get("id").asText());
            assertEquals(TAXONOMY.get(l).name(), label.get("name").asText());
            assertEquals(TAXONOMY.get(l).group(), label.get("group").asText());
            assertEquals(TAXONOMY.get(l).description(), label.get("description").asText());
            assertEquals(c.thresholds()[l], (float) label.get("threshold").asDouble());
        }

        assertEquals(DATA.sha256(), m.get("training_data").get("sha256").asText());
        assertTrue(DATA.sha256().matches("[0-9a-f]{64}"));
        assertEquals(48, m.get("training_data").get("n_documents").asInt());
        assertEquals("synthetic.jsonl", m.get("training_data").get("sources").get(0).asText());
        assertEquals(3, m.get("training_config").get("folds").asInt());
        assertEquals(c.features().dimension(), m.get("vocabulary_size").asInt());
        assertEquals(Set.of("ensemble", "neural", "linear"), fieldNames(m.get("calibrations")));
        assertEquals(Set.of("ensemble", "neural", "linear"), fieldNames(m.get("metrics").get("cross_validation")));
        assertTrue(m.get("libraries").has("deeplearning4j"));

        JsonNode files = m.get("files");
        assertEquals(Set.of("vocabulary.bin", "linear.bin", "neural-table.bin", "neural-head.bin"), fieldNames(files));
        for (String name : fieldNames(files)) {
            Path file = dir.resolve(name);
            assertTrue(files.get(name).get("sha256").asText().matches("[0-9a-f]{64}"));
            assertEquals(Checksums.sha256(file), files.get(name).get("sha256").asText(), name);
            assertEquals(Files.size(file), files.get(name).get("bytes").asLong(), name);
        }
        assertEquals(Checksums.sha256(dir.resolve("manifest.json")) + "  manifest.json\n", Files.readString(dir.resolve("manifest.sha256")));
        assertEquals(Set.of("manifest.json", "manifest.sha256", "vocabulary.bin", "linear.bin", "neural-table.bin", "neural-head.bin"),
                list(dir));
    }

    @Test
    void aLinearBundleHasNoNeuralFilesAndANeuralBundleNoLinearFile(@TempDir Path tmp) throws IOException {
        save(ModelType.LINEAR, tmp.resolve("linear"));
        save(ModelType.NEURAL, tmp.resolve("neural"));
        assertEquals(Set.of("manifest.json", "manifest.sha256", "vocabulary.bin", "linear.bin"), list(tmp.resolve("linear")));
        assertEquals(Set.of("manifest.json", "manifest.sha256", "vocabulary.bin", "neural-table.bin", "neural-head.bin"),
                list(tmp.resolve("neural")));
    }

    @Test
    void savingOverAnExistingBundleReplacesItCompletely(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        Files.writeString(dir.resolve("stale.txt"), "left over");
        save(ModelType.NEURAL, dir);

        ModelBundle loaded = ModelBundle.load(dir);
        assertEquals(ModelType.NEURAL, loaded.classifier().type());
        assertFalse(Files.exists(dir.resolve("linear.bin")));
        assertFalse(Files.exists(dir.resolve("stale.txt")));
        assertEquals(Set.of("model"), list(tmp), "no staging or old directories are left behind");
    }

    @Test
    void savingCreatesMissingParentDirectories(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("a/b/model");
        save(ModelType.LINEAR, dir);
        assertEquals(ModelType.LINEAR, ModelBundle.load(dir).classifier().type());
        assertEquals(Set.of("model"), list(tmp.resolve("a/b")));
    }

    @Test
    void aSavedBundleIsAsReadableAsAnyDirectoryTheUserCreates(@TempDir Path tmp) throws IOException {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path ordinary = Files.createDirectory(tmp.resolve("ordinary"));
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(dir));
    }

    // ---- refusals ----

    @Test
    void aTruncatedVocabularyIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        Path vocabulary = dir.resolve("vocabulary.bin");
        long size = Files.size(vocabulary);
        try (RandomAccessFile f = new RandomAccessFile(vocabulary.toFile(), "rw")) {
            f.setLength(size - 5);
        }
        assertRefused(dir, "is corrupt: vocabulary.bin has " + (size - 5) + " bytes, expected " + size + " (truncated?)");
    }

    @Test
    void aTruncatedVocabularyIsRefusedEvenWhenTheManifestWasUpdatedToMatch(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        Path vocabulary = dir.resolve("vocabulary.bin");
        try (RandomAccessFile f = new RandomAccessFile(vocabulary.toFile(), "rw")) {
            f.setLength(f.length() - 5);
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        ObjectNode entry = (ObjectNode) manifest.get("files").get("vocabulary.bin");
        entry.put("bytes", Files.size(vocabulary));
        entry.put("sha256", Checksums.sha256(vocabulary));
        rewriteManifest(dir, manifest);
        assertRefused(dir, "is corrupt: vocabulary.bin: vocabulary of 495 entries does not match the file size of 5943 bytes");
    }

    @Test
    void aTamperedByteInTheLinearModelIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.ENSEMBLE, dir);
        Path linear = dir.resolve("linear.bin");
        long size = Files.size(linear);
        try (RandomAccessFile f = new RandomAccessFile(linear.toFile(), "rw")) {
            f.seek(size / 2);
            int b = f.read();
            f.seek(size / 2);
            f.write(b ^ 0x01);
        }
        assertEquals(size, Files.size(linear));
        assertRefused(dir, "is corrupt: linear.bin does not match its SHA-256 in the manifest");
    }

    @Test
    void anEditedManifestIsRefusedByItsChecksum(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        Path manifest = dir.resolve("manifest.json");
        String text = Files.readString(manifest);
        assertTrue(text.contains("\"model_type\" : \"linear\""));
        Files.writeString(manifest, text.replace("\"model_type\" : \"linear\"", "\"model_type\" : \"neural\""));
        assertRefused(dir, "is corrupt: manifest.json does not match its checksum in manifest.sha256");
    }

    @Test
    void anUnknownFormatVersionIsRefusedEvenWithAMatchingChecksum(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        manifest.put("format_version", 99);
        rewriteManifest(dir, manifest);
        assertRefused(dir, "has format version 99, which this Nhãn does not support (supported: 1, 2)");
    }

    @Test
    void aManifestOfAnotherFormatIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        manifest.put("format", "onnx");
        rewriteManifest(dir, manifest);
        assertRefused(dir, "is not a Nhãn bundle (format 'onnx', expected 'nhan-bundle')");
    }

    @Test
    void aManifestThatIsNotJsonIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        Files.writeString(dir.resolve("manifest.json"), "{ not json");
        Files.writeString(dir.resolve("manifest.sha256"), Checksums.sha256(dir.resolve("manifest.json")) + "  manifest.json\n");
        assertRefused(dir, "has an unreadable manifest");
    }

    @Test
    void aManifestWithoutItsListOfFilesIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        manifest.remove("files");
        rewriteManifest(dir, manifest);
        assertRefused(dir, "has a malformed manifest: at files: the key 'files' is missing");
    }

    @Test
    void aManifestWithAMalformedFileEntryIsRefusedAsABundleError(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve("manifest.json").toFile());
        ((ObjectNode) manifest.get("files")).put("linear.bin", "not an object");
        rewriteManifest(dir, manifest);
        assertRefused(dir, "has a malformed manifest: at files.linear.bin: ");

        ((ObjectNode) manifest.get("files")).putObject("linear.bin").put("sha256", "00");
        rewriteManifest(dir, manifest);
        assertRefused(dir, "has a malformed manifest: at files.linear.bin.bytes: the key 'bytes' is missing");
    }

    @Test
    void aMissingModelFileIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.ENSEMBLE, dir);
        Files.delete(dir.resolve("neural-table.bin"));
        assertRefused(dir, "is incomplete: neural-table.bin is missing");
    }

    @Test
    void aMissingManifestChecksumIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        Files.delete(dir.resolve("manifest.sha256"));
        assertRefused(dir, "is incomplete: manifest.sha256 is missing");
    }

    @Test
    void aMissingManifestIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("model");
        save(ModelType.LINEAR, dir);
        Files.delete(dir.resolve("manifest.json"));
        assertRefused(dir, "is incomplete: manifest.json is missing");
    }

    @Test
    void aMissingDirectoryIsRefused(@TempDir Path tmp) {
        Path dir = tmp.resolve("no-such-model");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir));
        assertEquals("model bundle " + dir + " does not exist or is not a directory", e.getMessage());
    }

    @Test
    void aFileInsteadOfADirectoryIsRefused(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("model.zip"), "zip");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(file));
        assertEquals("model bundle " + file + " does not exist or is not a directory", e.getMessage());
    }

    private static void assertRefused(Path dir, String reason) {
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains(reason), () -> "expected '" + reason + "' in: " + e.getMessage());
        assertTrue(e.getMessage().contains("model bundle"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "the reason is one line");
    }

    private static void rewriteManifest(Path dir, JsonNode manifest) throws IOException {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("manifest.sha256"), Checksums.sha256(file) + "  manifest.json\n");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Set<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
