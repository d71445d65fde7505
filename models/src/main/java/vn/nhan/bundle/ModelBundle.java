package vn.nhan.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.nhan.data.Label;
import vn.nhan.data.Taxonomy;
import vn.nhan.features.FeatureExtractor;
import vn.nhan.features.Vocabulary;
import vn.nhan.model.Classifier;
import vn.nhan.model.EmbeddingBagModel;
import vn.nhan.model.LinearModel;
import vn.nhan.model.ModelType;
import vn.nhan.model.NeuralHead;
import vn.nhan.model.PassageBlend;
import vn.nhan.model.ScoreCalibration;
import vn.nhan.model.TrainingConfig;
import vn.nhan.model.TrainingResult;
import vn.nhan.passage.PassageConfig;

/**
 * A saved model: a directory holding {@code manifest.json} (format version, creation time, labels
 * with thresholds, training configuration, library versions, training-data hash, headline metrics
 * and the size and SHA-256 of every other file), {@code manifest.sha256} (the manifest's own
 * checksum) and the model files, all plain numbers in the project's own formats. Saving is atomic
 * (staged in a sibling directory, then renamed).
 *
 * <p>A bundle is untrusted input. Loading refuses, with a one-line reason, anything but a plain
 * file name of the bundle's format in the manifest, a file larger than its cap or than it declares,
 * a checksum that does not match, and a file whose header does not match its size; every file is
 * read with a size bound, and nothing is deserialised as Java objects. Format 2 stores the neural
 * head as {@code neural-head.bin}; format 1 bundles (DL4J's {@code neural-head.zip}) keep loading
 * through {@link LegacyNeuralHead}, which reads two allow-listed entries and never DL4J.
 */
public final class ModelBundle {
    public static final String FORMAT = "nhan-bundle";
    public static final int FORMAT_VERSION = 2;
    /** Format versions this code reads: 1 (DL4J head zip) and 2 (plain head). */
    public static final Set<Integer> READABLE_VERSIONS = Set.of(1, 2);
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SUM = "manifest.sha256";
    static final String VOCABULARY = "vocabulary.bin";
    static final String LINEAR = "linear.bin";
    static final String NEURAL_TABLE = "neural-table.bin";
    static final String NEURAL_HEAD = "neural-head.bin";
    static final String LEGACY_NEURAL_HEAD = "neural-head.zip";
    /** The most bytes the manifest, its checksum file and any model file may hold. */
    static final long MAX_MANIFEST_BYTES = 16L << 20;
    static final long MAX_MANIFEST_SUM_BYTES = 1024;
    static final long MAX_FILE_BYTES = 1L << 30;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Classifier classifier;
    private final BundleManifest manifest;
    private final Path path;

    private ModelBundle(Classifier classifier, BundleManifest manifest, Path path) {
        this.classifier = classifier;
        this.manifest = manifest;
        this.path = path;
    }

    public Classifier classifier() {
        return classifier;
    }

    /** The manifest as read from disk. */
    public BundleManifest manifest() {
        return manifest;
    }

    public Path path() {
        return path;
    }

    public String id() {
        return manifest.modelId();
    }

    public String version() {
        return manifest.version();
    }

    /** Saves a training result as a bundle at {@code dir}, replacing any bundle there atomically. */
    public static ModelBundle save(TrainingResult result, TrainingConfig config, TrainingData data, Path dir) throws IOException {
        Instant created = BundleClock.next(); // unique: the version is made from it
        Path target = dir.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        // not Files.createTempDirectory: that makes the bundle owner-only (700) whatever the umask
        Path staged = Files.createDirectory(target.resolveSibling("." + target.getFileName() + ".staging-" + UUID.randomUUID()));
        try {
            Classifier c = result.classifier();
            writeData(staged.resolve(VOCABULARY), out -> c.features().vocabulary().write(out));
            if (c.linear() != null) {
                writeData(staged.resolve(LINEAR), out -> c.linear().write(out));
            }
            if (c.neural() != null) {
                writeData(staged.resolve(NEURAL_TABLE), out -> c.neural().writeTable(out));
                writeData(staged.resolve(NEURAL_HEAD), out -> c.neural().head().write(out));
            }
            Map<String, BundleManifest.FileEntry> files = new TreeMap<>();
            try (var list = Files.list(staged)) {
                for (Path f : list.sorted().toList()) {
                    files.put(f.getFileName().toString(), new BundleManifest.FileEntry(Checksums.sha256(f), Files.size(f)));
                }
            }
            BundleManifest manifest = manifest(result, config, data, created, files);
            Files.writeString(staged.resolve(MANIFEST), JSON.writeValueAsString(manifest), StandardCharsets.UTF_8);
            Files.writeString(staged.resolve(MANIFEST_SUM), Checksums.sha256(staged.resolve(MANIFEST)) + "  " + MANIFEST + "\n");
            AtomicFiles.replaceDirectory(staged, target);
            return new ModelBundle(c, manifest, target);
        } finally {
            AtomicFiles.deleteRecursively(staged);
        }
    }

    private static BundleManifest manifest(TrainingResult result, TrainingConfig config, TrainingData data, Instant created,
                                           Map<String, BundleManifest.FileEntry> files) {
        Classifier c = result.classifier();
        String version = VERSION.format(created);
        List<BundleManifest.LabelEntry> labels = new ArrayList<>();
        for (int l = 0; l < c.taxonomy().size(); l++) {
            Label label = c.taxonomy().get(l);
            labels.add(new BundleManifest.LabelEntry(label.id(), label.name(), label.group(), label.description(), c.thresholds()[l]));
        }
        Map<String, ScoreCalibration> calibrations = new LinkedHashMap<>();
        c.calibrations().forEach((modelType, cal) -> calibrations.put(modelType.id(), cal));
        Map<String, float[]> passageThresholds = new TreeMap<>();
        c.passages().thresholds().forEach((modelType, t) -> passageThresholds.put(modelType.id(), t));
        Map<String, Headline> metrics = new LinkedHashMap<>();
        result.crossValidation().forEach((modelType, e) -> metrics.put(modelType.id(), Headline.of(e)));
        Map<String, Headline> wholeMetrics = new LinkedHashMap<>();
        result.wholeArticleCrossValidation().forEach((modelType, e) -> wholeMetrics.put(modelType.id(), Headline.of(e)));
        return new BundleManifest(FORMAT, FORMAT_VERSION, "nhan-" + config.modelType().id() + "-" + version + "-" + data.sha256().substring(0, 8),
                version, created.toString(), c.type().id(), c.neuralWeight(), c.features().dimension(), labels, calibrations,
                c.passages().weight(), passageThresholds, config, data, result.elapsed().toMillis() / 1000.0,
                new BundleManifest.Metrics(metrics, wholeMetrics), Libraries.versions(), files);
    }

    /** Loads and validates the bundle at {@code dir}. */
    public static ModelBundle load(Path dir) throws BundleException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new BundleException("model bundle " + dir + " does not exist or is not a directory");
        }
        try {
            BundleManifest manifest = readManifest(root);
            checkFiles(root, manifest);
            return new ModelBundle(classifier(root, manifest), manifest, root);
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException("model bundle " + dir + " could not be read: " + oneLine(e.getMessage()), e);
        }
    }

    private static BundleManifest readManifest(Path root) throws BundleException {
        try {
            String sumText = new String(readBounded(root, MANIFEST_SUM, MAX_MANIFEST_SUM_BYTES), StandardCharsets.UTF_8);
            String expected = sumText.strip().split("\\s+")[0];
            byte[] manifestBytes = readBounded(root, MANIFEST, MAX_MANIFEST_BYTES);
            if (!expected.equals(sha256(manifestBytes))) {
                throw new BundleException("model bundle " + root + " is corrupt: " + MANIFEST + " does not match its checksum in " + MANIFEST_SUM);
            }
            JsonNode tree = JSON.readTree(manifestBytes);
            if (!(tree instanceof ObjectNode object)) {
                throw new BundleException("model bundle " + root + " has an unreadable manifest: it is not a JSON object");
            }
            if (!FORMAT.equals(object.path("format").asText(null))) {
                throw new BundleException("model bundle " + root + " is not a Nhãn bundle (format '" + printable(object.get("format"))
                        + "', expected '" + FORMAT + "')");
            }
            JsonNode version = object.get("format_version");
            if (version == null || !version.isInt() || !READABLE_VERSIONS.contains(version.intValue())) {
                throw new BundleException("model bundle " + root + " has format version " + (version == null ? "null" : LegacyNeuralHead.printable(version.toString()))
                        + ", which this Nhãn does not support (supported: 1, 2)");
            }
            return JSON.treeToValue(withDefaultsOfOlderManifests(object), BundleManifest.class);
        } catch (NoSuchFileException e) {
            throw new BundleException("model bundle " + root + " is incomplete: " + Path.of(e.getFile()).getFileName() + " is missing");
        } catch (JsonMappingException e) {
            throw new BundleException("model bundle " + root + " has a malformed manifest: " + describe(e));
        } catch (JsonProcessingException e) {
            throw new BundleException("model bundle " + root + " has an unreadable manifest: " + oneLine(e.getOriginalMessage()));
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException("model bundle " + root + " could not be read: " + oneLine(e.getMessage()), e);
        }
    }

    /**
     * Fills the keys that a format-1 manifest saved before passages existed lacks: no passage blend
     * (null, see {@link #passageBlend}) and the default passage settings.
     */
    private static ObjectNode withDefaultsOfOlderManifests(ObjectNode manifest) {
        if (!manifest.has("passage_weight")) {
            manifest.set("passage_weight", NullNode.getInstance());
        }
        if (!manifest.has("passage_thresholds")) {
            manifest.set("passage_thresholds", NullNode.getInstance());
        }
        if (manifest.get("training_config") instanceof ObjectNode config && !config.has("passages")) {
            config.set("passages", JSON.valueToTree(PassageConfig.defaults()));
        }
        return manifest;
    }

    /** "at files.linear.bin.bytes: Cannot deserialize ..." from Jackson's error, on one line. */
    private static String describe(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        String reason = e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null
                ? e.getCause().getMessage() : e.getOriginalMessage();
        if (reason != null) {
            reason = reason.replaceAll("(?s)Missing creator property '([^']*)'.*", "the key '$1' is missing");
        }
        return (path.isEmpty() ? "" : "at " + path + ": ") + oneLine(reason);
    }

    /** The files a bundle of this format and model type must list, and may list. */
    private static Set<String> requiredFiles(int formatVersion, ModelType type) {
        Set<String> files = new java.util.TreeSet<>(List.of(VOCABULARY));
        if (type.usesLinear()) {
            files.add(LINEAR);
        }
        if (type.usesNeural()) {
            files.add(NEURAL_TABLE);
            files.add(formatVersion == 1 ? LEGACY_NEURAL_HEAD : NEURAL_HEAD);
        }
        return files;
    }

    private static void checkFiles(Path root, BundleManifest manifest) throws BundleException {
        Map<String, BundleManifest.FileEntry> files = manifest.files();
        ModelType type = modelType(root, manifest);
        Set<String> required = requiredFiles(manifest.formatVersion(), type);
        for (String name : files.keySet()) {
            if (!PLAIN_NAME.matcher(name).matches() || name.contains("..")) {
                throw new BundleException("model bundle " + root + " has a manifest naming the file '" + LegacyNeuralHead.printable(name)
                        + "', which is not a plain file name inside the bundle");
            }
            if (!required.contains(name)) {
                throw new BundleException("model bundle " + root + " has a manifest naming the file " + name + ", which a format-"
                        + manifest.formatVersion() + " " + type.id() + " bundle does not have (expected: " + String.join(", ", required) + ")");
            }
        }
        for (String name : required) {
            if (!files.containsKey(name)) {
                throw new BundleException("model bundle " + root + " has a manifest without " + name + " in its list of files");
            }
        }
        for (Map.Entry<String, BundleManifest.FileEntry> e : files.entrySet()) {
            String name = e.getKey();
            long declared = e.getValue().bytes();
            if (declared < 0 || declared > MAX_FILE_BYTES) {
                throw new BundleException("model bundle " + root + " declares " + declared + " bytes for " + name
                        + ", outside the allowed 0.." + MAX_FILE_BYTES);
            }
            Path file = root.resolve(name);
            try {
                long size = regularFileSize(file);
                if (size != declared) {
                    throw new BundleException("model bundle " + root + " is corrupt: " + name + " has " + size + " bytes, expected " + declared + " (truncated?)");
                }
                if (!sha256(file, declared).equals(e.getValue().sha256())) {
                    throw new BundleException("model bundle " + root + " is corrupt: " + name + " does not match its SHA-256 in the manifest");
                }
            } catch (NoSuchFileException x) {
                throw new BundleException("model bundle " + root + " is incomplete: " + name + " is missing");
            } catch (BundleException x) {
                throw x;
            } catch (IOException x) {
                throw new BundleException("model bundle " + root + " could not be read: " + oneLine(x.getMessage()), x);
            }
        }
    }

    private static ModelType modelType(Path root, BundleManifest manifest) throws BundleException {
        try {
            return ModelType.parse(manifest.modelType());
        } catch (IllegalArgumentException e) {
            throw new BundleException("model bundle " + root + " has a malformed manifest: at model_type: " + oneLine(e.getMessage()));
        }
    }

    private static Classifier classifier(Path root, BundleManifest manifest) throws IOException {
        TrainingConfig config = manifest.trainingConfig();
        List<Label> labels = new ArrayList<>();
        for (BundleManifest.LabelEntry l : manifest.labels()) {
            labels.add(new Label(l.id(), l.name(), l.group(), l.description()));
        }
        Taxonomy taxonomy = new Taxonomy(labels);
        Vocabulary vocabulary = readData(root, manifest, VOCABULARY, Vocabulary::read);
        FeatureExtractor features = new FeatureExtractor(config.features(), vocabulary, config.passages());
        ModelType type = modelType(root, manifest);
        LinearModel linear = type.usesLinear() ? readData(root, manifest, LINEAR, LinearModel::read) : null;
        EmbeddingBagModel neural = null;
        if (type.usesNeural()) {
            NeuralHead head = manifest.formatVersion() == 1 ? legacyHead(root) : readData(root, manifest, NEURAL_HEAD, NeuralHead::read);
            neural = readData(root, manifest, NEURAL_TABLE, (in, bytes) -> EmbeddingBagModel.read(in, bytes, head));
            if (neural.vocabularySize() > vocabulary.size()) {
                throw new BundleException("model bundle " + root + " is inconsistent: the neural table has " + neural.vocabularySize()
                        + " rows but the vocabulary only " + vocabulary.size() + " entries");
            }
        }
        Map<ModelType, ScoreCalibration> calibrations = new EnumMap<>(ModelType.class);
        manifest.calibrations().forEach((modelType, cal) -> calibrations.put(ModelType.parse(modelType), cal));
        return new Classifier(taxonomy, features, type, neural, linear, manifest.neuralWeight(), calibrations, passageBlend(manifest, calibrations));
    }

    private static NeuralHead legacyHead(Path root) throws BundleException {
        try {
            return LegacyNeuralHead.read(root.resolve(LEGACY_NEURAL_HEAD));
        } catch (IOException e) {
            throw new BundleException("model bundle " + root + " is corrupt: " + oneLine(e.getMessage()), e);
        }
    }

    /** The passage blend of the manifest; a bundle saved before passages existed scores whole articles only. */
    private static PassageBlend passageBlend(BundleManifest manifest, Map<ModelType, ScoreCalibration> calibrations) {
        if (manifest.passageWeight() == null) {
            return PassageBlend.none(calibrations);
        }
        if (manifest.passageThresholds() == null) {
            throw new IllegalArgumentException("passage_weight is set but passage_thresholds is missing");
        }
        Map<ModelType, float[]> t = new EnumMap<>(ModelType.class);
        manifest.passageThresholds().forEach((modelType, list) -> t.put(ModelType.parse(modelType), list));
        return new PassageBlend(manifest.passageWeight(), t);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads a model file of {@code bytes} bytes (checked against the manifest before). */
    private interface Reader<T> {
        T read(DataInputStream in, long bytes) throws IOException;
    }

    private static void writeData(Path file, Writer writer) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            writer.write(out);
        }
    }

    private static <T> T readData(Path root, BundleManifest manifest, String name, Reader<T> reader) throws IOException {
        long bytes = manifest.files().get(name).bytes();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(bounded(Files.newInputStream(root.resolve(name)), bytes), 1 << 16))) {
            return reader.read(in, bytes);
        } catch (EOFException e) {
            throw new BundleException("model bundle " + root + " is corrupt: " + name + " ends too early (truncated)");
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException("model bundle " + root + " is corrupt: " + name + ": " + oneLine(e.getMessage()), e);
        }
    }

    /** The size of {@code file}, which must be a regular file (a link, a device or a directory is refused). */
    private static long regularFileSize(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new BundleException("model bundle " + file.getParent() + " is corrupt: " + file.getFileName() + " is not a regular file");
        }
        return Files.size(file);
    }

    /** All of {@code name} in {@code root}, refused if it is not a regular file or holds more than {@code max} bytes. */
    private static byte[] readBounded(Path root, String name, long max) throws IOException {
        Path file = root.resolve(name);
        long size = regularFileSize(file);
        if (size > max) {
            throw new BundleException("model bundle " + root + " is corrupt: " + name + " has " + size + " bytes, more than the " + max + " allowed");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) max + 1);
            if (bytes.length > max) {
                throw new BundleException("model bundle " + root + " is corrupt: " + name + " holds more than the " + max + " bytes allowed");
            }
            return bytes;
        }
    }

    /** The SHA-256 of the first {@code bytes} bytes of {@code file}, refused if the file holds more. */
    private static String sha256(Path file, long bytes) throws IOException {
        MessageDigest digest = Checksums.newDigest();
        try (InputStream in = bounded(Files.newInputStream(file), bytes + 1)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                total += n;
            }
            if (total != bytes) {
                throw new BundleException("model bundle " + file.getParent() + " is corrupt: " + file.getFileName() + " changed size while being read");
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Checksums.newDigest().digest(bytes));
    }

    /** {@code in} ending after {@code limit} bytes. */
    private static InputStream bounded(InputStream in, long limit) {
        return new InputStream() {
            private long left = limit;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = in.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static String printable(JsonNode node) {
        return node == null ? "null" : LegacyNeuralHead.printable(node.isTextual() ? node.asText() : node.toString());
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.replaceAll("\\s*\\R\\s*", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
