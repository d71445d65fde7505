package vn.nhan.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import vn.nhan.data.Label;
import vn.nhan.data.Taxonomy;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.features.FeatureExtractor;
import vn.nhan.features.Vocabulary;
import vn.nhan.model.Classifier;
import vn.nhan.model.EmbeddingBagModel;
import vn.nhan.model.LinearModel;
import vn.nhan.model.ModelType;
import vn.nhan.model.PassageBlend;
import vn.nhan.model.ScoreCalibration;
import vn.nhan.model.TrainingConfig;
import vn.nhan.model.TrainingResult;

/**
 * A saved model: a directory holding {@code manifest.json} (format version, creation time, labels
 * with thresholds, training configuration, library versions, training-data hash, headline metrics
 * and the SHA-256 of every other file), {@code manifest.sha256} (the manifest's own checksum) and
 * the model files. Saving is atomic (staged in a sibling directory, then renamed); loading checks
 * every checksum and the format version and refuses anything else with a one-line reason.
 */
public final class ModelBundle {
    public static final String FORMAT = "nhan-bundle";
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_SUM = "manifest.sha256";
    static final String VOCABULARY = "vocabulary.bin";
    static final String LINEAR = "linear.bin";
    static final String NEURAL_TABLE = "neural-table.bin";
    static final String NEURAL_HEAD = "neural-head.zip";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Classifier classifier;
    private final Map<String, Object> manifest;
    private final Path path;

    private ModelBundle(Classifier classifier, Map<String, Object> manifest, Path path) {
        this.classifier = classifier;
        this.manifest = manifest;
        this.path = path;
    }

    public Classifier classifier() {
        return classifier;
    }

    /** The manifest as read from disk (JSON object). */
    public Map<String, Object> manifest() {
        return manifest;
    }

    public Path path() {
        return path;
    }

    public String id() {
        return (String) manifest.get("model_id");
    }

    public String version() {
        return (String) manifest.get("version");
    }

    /** Saves a training result as a bundle at {@code dir}, replacing any bundle there atomically. */
    public static ModelBundle save(TrainingResult result, TrainingConfig config, TrainingData data, Path dir) throws IOException {
        Instant created = Instant.now();
        Path target = dir.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        // not Files.createTempDirectory: that makes the bundle owner-only (700) whatever the umask
        Path staged = Files.createDirectory(target.resolveSibling("." + target.getFileName() + ".staging-" + UUID.randomUUID()));
        try {
            Classifier c = result.classifier();
            Map<String, Object> files = new LinkedHashMap<>();
            writeData(staged.resolve(VOCABULARY), out -> c.features().vocabulary().write(out));
            if (c.linear() != null) {
                writeData(staged.resolve(LINEAR), out -> c.linear().write(out));
            }
            if (c.neural() != null) {
                writeData(staged.resolve(NEURAL_TABLE), out -> c.neural().writeTable(out));
                ModelSerializer.writeModel(c.neural().head(), staged.resolve(NEURAL_HEAD).toFile(), false);
            }
            try (var list = Files.list(staged)) {
                for (Path f : list.sorted().toList()) {
                    files.put(f.getFileName().toString(), Map.of("sha256", Checksums.sha256(f), "bytes", Files.size(f)));
                }
            }
            Map<String, Object> manifest = manifest(result, config, data, created, files);
            String manifestText = JSON.writeValueAsString(manifest);
            Files.writeString(staged.resolve(MANIFEST), manifestText, StandardCharsets.UTF_8);
            Files.writeString(staged.resolve(MANIFEST_SUM), Checksums.sha256(staged.resolve(MANIFEST)) + "  " + MANIFEST + "\n");
            AtomicFiles.replaceDirectory(staged, target);
            return new ModelBundle(c, manifest, target);
        } finally {
            AtomicFiles.deleteRecursively(staged);
        }
    }

    private static Map<String, Object> manifest(TrainingResult result, TrainingConfig config, TrainingData data, Instant created,
                                                Map<String, Object> files) {
        Classifier c = result.classifier();
        Map<String, Object> m = new LinkedHashMap<>();
        String version = VERSION.format(created);
        m.put("format", FORMAT);
        m.put("format_version", FORMAT_VERSION);
        m.put("model_id", "nhan-" + config.modelType().id() + "-" + version + "-" + data.sha256().substring(0, 8));
        m.put("version", version);
        m.put("created", created.toString());
        m.put("model_type", c.type().id());
        m.put("neural_weight", c.neuralWeight());
        m.put("vocabulary_size", c.features().dimension());
        List<Map<String, Object>> labels = new ArrayList<>();
        for (int l = 0; l < c.taxonomy().size(); l++) {
            Label label = c.taxonomy().get(l);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", label.id());
            entry.put("name", label.name());
            entry.put("group", label.group());
            entry.put("description", label.description());
            entry.put("threshold", (double) c.thresholds()[l]);
            labels.add(entry);
        }
        m.put("labels", labels);
        Map<String, Object> calibrations = new LinkedHashMap<>();
        c.calibrations().forEach((view, cal) -> calibrations.put(view.id(), cal.toMap()));
        m.put("calibrations", calibrations);
        m.put("passage_weight", c.passages().weight());
        Map<String, Object> passageThresholds = new LinkedHashMap<>();
        c.passages().thresholds().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> passageThresholds.put(e.getKey().id(), toList(e.getValue())));
        m.put("passage_thresholds", passageThresholds);
        m.put("training_config", config.toMap());
        m.put("training_data", data.toMap());
        m.put("training_seconds", result.elapsed().toMillis() / 1000.0);
        Map<String, Object> metrics = new LinkedHashMap<>();
        result.crossValidation().forEach((view, e) -> metrics.put(view.id(), headline(e)));
        Map<String, Object> wholeMetrics = new LinkedHashMap<>();
        result.wholeArticleCrossValidation().forEach((view, e) -> wholeMetrics.put(view.id(), headline(e)));
        Map<String, Object> allMetrics = new LinkedHashMap<>();
        allMetrics.put("cross_validation", metrics);
        allMetrics.put("cross_validation_whole_article", wholeMetrics);
        m.put("metrics", allMetrics);
        m.put("libraries", Libraries.versions());
        m.put("files", files);
        return m;
    }

    /** The headline figures of an evaluation, as saved in manifests and registries. */
    public static Map<String, Object> headline(MultiLabelEvaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("micro_f1", e.microF1());
        m.put("macro_f1", e.macroF1());
        m.put("samples_f1", e.samplesF1());
        m.put("micro_precision", e.microPrecision());
        m.put("micro_recall", e.microRecall());
        m.put("n_documents", e.nDocuments());
        return m;
    }

    /** Loads and validates the bundle at {@code dir}. */
    public static ModelBundle load(Path dir) throws BundleException {
        Path root = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new BundleException("model bundle " + dir + " does not exist or is not a directory");
        }
        try {
            Map<String, Object> manifest = readManifest(root);
            checkFiles(root, manifest);
            return new ModelBundle(classifier(root, manifest), manifest, root);
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException("model bundle " + dir + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> readManifest(Path root) throws BundleException {
        Path manifestFile = root.resolve(MANIFEST);
        try {
            String expected = Files.readString(root.resolve(MANIFEST_SUM)).strip().split("\\s+")[0];
            String actual = Checksums.sha256(manifestFile);
            if (!expected.equals(actual)) {
                throw new BundleException("model bundle " + root + " is corrupt: " + MANIFEST + " does not match its checksum in " + MANIFEST_SUM);
            }
            Map<String, Object> manifest = JSON.readValue(manifestFile.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
            if (!FORMAT.equals(manifest.get("format"))) {
                throw new BundleException("model bundle " + root + " is not a Nhãn bundle (format '" + manifest.get("format") + "', expected '" + FORMAT + "')");
            }
            Object version = manifest.get("format_version");
            if (!(version instanceof Number n) || n.intValue() != FORMAT_VERSION) {
                throw new BundleException("model bundle " + root + " has format version " + version
                        + ", which this Nhãn does not support (supported: " + FORMAT_VERSION + ")");
            }
            return manifest;
        } catch (NoSuchFileException e) {
            throw new BundleException("model bundle " + root + " is incomplete: " + Path.of(e.getFile()).getFileName() + " is missing");
        } catch (JsonProcessingException e) {
            throw new BundleException("model bundle " + root + " has an unreadable manifest: " + e.getOriginalMessage());
        } catch (BundleException e) {
            throw e;
        } catch (IOException e) {
            throw new BundleException("model bundle " + root + " could not be read: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkFiles(Path root, Map<String, Object> manifest) throws BundleException {
        Map<String, Object> files = (Map<String, Object>) manifest.get("files");
        if (files == null || !files.containsKey(VOCABULARY)) {
            throw new BundleException("model bundle " + root + " has a manifest without the list of its files");
        }
        for (Map.Entry<String, Object> e : files.entrySet()) {
            Map<String, Object> entry = (Map<String, Object>) e.getValue();
            Path file = root.resolve(e.getKey());
            try {
                long size = Files.size(file);
                long expectedSize = ((Number) entry.get("bytes")).longValue();
                if (size != expectedSize) {
                    throw new BundleException("model bundle " + root + " is corrupt: " + e.getKey() + " has " + size + " bytes, expected " + expectedSize + " (truncated?)");
                }
                if (!Checksums.sha256(file).equals(entry.get("sha256"))) {
                    throw new BundleException("model bundle " + root + " is corrupt: " + e.getKey() + " does not match its SHA-256 in the manifest");
                }
            } catch (NoSuchFileException x) {
                throw new BundleException("model bundle " + root + " is incomplete: " + e.getKey() + " is missing");
            } catch (BundleException x) {
                throw x;
            } catch (IOException x) {
                throw new BundleException("model bundle " + root + " could not be read: " + x.getMessage(), x);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Classifier classifier(Path root, Map<String, Object> manifest) throws IOException {
        TrainingConfig config = TrainingConfig.fromMap((Map<String, Object>) manifest.get("training_config"));
        List<Label> labels = new ArrayList<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) manifest.get("labels")) {
            labels.add(new Label((String) l.get("id"), (String) l.get("name"), (String) l.get("group"), (String) l.get("description")));
        }
        Taxonomy taxonomy = new Taxonomy(labels);
        Vocabulary vocabulary = readData(root.resolve(VOCABULARY), Vocabulary::read);
        FeatureExtractor features = new FeatureExtractor(config.features(), vocabulary, config.passages());
        ModelType type = ModelType.parse((String) manifest.get("model_type"));
        LinearModel linear = type.usesLinear() ? readData(root.resolve(LINEAR), LinearModel::read) : null;
        EmbeddingBagModel neural = null;
        if (type.usesNeural()) {
            MultiLayerNetwork head = ModelSerializer.restoreMultiLayerNetwork(root.resolve(NEURAL_HEAD).toFile(), false);
            neural = readData(root.resolve(NEURAL_TABLE), in -> EmbeddingBagModel.read(in, head));
            if (neural.vocabularySize() > vocabulary.size()) {
                throw new BundleException("model bundle " + root + " is inconsistent: the neural table has " + neural.vocabularySize()
                        + " rows but the vocabulary only " + vocabulary.size() + " entries");
            }
        }
        Map<ModelType, ScoreCalibration> calibrations = new EnumMap<>(ModelType.class);
        ((Map<String, Object>) manifest.get("calibrations")).forEach((view, cal) ->
                calibrations.put(ModelType.parse(view), ScoreCalibration.fromMap((Map<String, Object>) cal)));
        double weight = ((Number) manifest.get("neural_weight")).doubleValue();
        return new Classifier(taxonomy, features, type, neural, linear, weight, calibrations, passageBlend(manifest, calibrations));
    }

    /** The passage blend of the manifest; a bundle saved before passages existed scores whole articles only. */
    @SuppressWarnings("unchecked")
    private static PassageBlend passageBlend(Map<String, Object> manifest, Map<ModelType, ScoreCalibration> calibrations) {
        Object weight = manifest.get("passage_weight");
        if (weight == null) {
            return PassageBlend.none(calibrations);
        }
        if (!(weight instanceof Number w) || !(manifest.get("passage_thresholds") instanceof Map<?, ?> thresholds)) {
            throw new IllegalArgumentException("passage_weight must be a number and passage_thresholds an object of threshold lists");
        }
        Map<ModelType, float[]> t = new EnumMap<>(ModelType.class);
        ((Map<String, Object>) thresholds).forEach((view, list) -> t.put(ModelType.parse(view), toArray((List<Number>) list)));
        return new PassageBlend(w.doubleValue(), t);
    }

    private static List<Double> toList(float[] a) {
        List<Double> list = new ArrayList<>(a.length);
        for (float v : a) {
            list.add((double) v);
        }
        return list;
    }

    private static float[] toArray(List<Number> list) {
        float[] a = new float[list.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = list.get(i).floatValue();
        }
        return a;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static void writeData(Path file, Writer writer) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            writer.write(out);
        }
    }

    private static <T> T readData(Path file, Reader<T> reader) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return reader.read(in);
        } catch (EOFException e) {
            throw new BundleException("model bundle file " + file.getFileName() + " ends too early (truncated)");
        }
    }
}
