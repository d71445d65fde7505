package vn.nhan.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import vn.nhan.model.NeuralHead;

/**
 * Reads the neural head of a format-1 bundle, {@code neural-head.zip} as DL4J's
 * {@code ModelSerializer} wrote it, without DL4J and without Java deserialization: only the two
 * entries a single sigmoid output layer needs, by name and within a size cap checked before reading
 * ({@code configuration.json}, read as plain JSON and checked to describe that layer, and
 * {@code coefficients.bin}, ND4J's plain binary layout of the flat parameter vector). Any other
 * entry (a {@code preprocessor.bin}, an updater state, a normaliser: all Java-serialised) is refused.
 */
final class LegacyNeuralHead {
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";
    /** Allowed entries and the most bytes each may hold. */
    static final Map<String, Long> ENTRIES = Map.of(CONFIGURATION, 1L << 20, COEFFICIENTS, 64L << 20);
    private static final String OUTPUT_LAYER = "org.deeplearning4j.nn.conf.layers.OutputLayer";
    private static final String SIGMOID = "org.nd4j.linalg.activations.impl.ActivationSigmoid";
    private static final Set<String> ALLOCATION_MODES = Set.of("HEAP", "JAVACPP", "DIRECT", "MIXED_DATA_TYPES", "LONG_SHAPE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LegacyNeuralHead() {
    }

    /** The head in {@code zip}; an {@link IOException} with a one-line reason for anything else. */
    static NeuralHead read(Path zip) throws IOException {
        byte[] configuration = null;
        byte[] coefficients = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Long cap = ENTRIES.get(entry.getName());
                if (cap == null) {
                    throw new IOException(zip.getFileName() + " holds an entry '" + printable(entry.getName())
                            + "', which a Nhãn neural head never has (allowed: " + CONFIGURATION + ", " + COEFFICIENTS + ")");
                }
                if (entry.getSize() < 0 || entry.getSize() > cap) {
                    throw new IOException(zip.getFileName() + " entry " + entry.getName() + " declares " + entry.getSize()
                            + " bytes, more than the " + cap + " allowed");
                }
                byte[] bytes;
                try (InputStream in = file.getInputStream(entry)) {
                    bytes = in.readNBytes((int) entry.getSize() + 1);
                }
                if (bytes.length != entry.getSize()) {
                    throw new IOException(zip.getFileName() + " entry " + entry.getName() + " holds " + (bytes.length > entry.getSize() ? "more" : "fewer")
                            + " bytes than the " + entry.getSize() + " it declares");
                }
                if (entry.getName().equals(CONFIGURATION)) {
                    configuration = bytes;
                } else {
                    coefficients = bytes;
                }
            }
        }
        if (configuration == null || coefficients == null) {
            throw new IOException(zip.getFileName() + " lacks " + (configuration == null ? CONFIGURATION : COEFFICIENTS));
        }
        int[] shape = shape(configuration, zip);
        float[] params = parameters(coefficients, zip);
        try {
            return NeuralHead.fromColumnMajor(shape[0], shape[1], params);
        } catch (IllegalArgumentException e) {
            throw new IOException(zip.getFileName() + ": " + e.getMessage());
        }
    }

    /** Inputs and outputs of the single sigmoid output layer the configuration must describe. */
    private static int[] shape(byte[] configuration, Path zip) throws IOException {
        JsonNode root = JSON.readTree(configuration);
        JsonNode confs = root == null ? null : root.get("confs");
        if (confs == null || !confs.isArray() || confs.size() != 1) {
            throw new IOException(zip.getFileName() + " " + CONFIGURATION + " does not describe a single layer");
        }
        JsonNode layer = confs.get(0).path("layer");
        if (!OUTPUT_LAYER.equals(layer.path("@class").asText()) || !SIGMOID.equals(layer.path("activationFn").path("@class").asText())
                || !layer.path("hasBias").asBoolean(true)) {
            throw new IOException(zip.getFileName() + " " + CONFIGURATION + " describes a " + printable(layer.path("@class").asText("?"))
                    + ", not a sigmoid output layer with bias");
        }
        JsonNode preprocessors = root.path("inputPreProcessors");
        if (!preprocessors.isMissingNode() && !preprocessors.isNull() && !preprocessors.isEmpty()) {
            throw new IOException(zip.getFileName() + " " + CONFIGURATION + " has input preprocessors, which a Nhãn neural head never has");
        }
        JsonNode nIn = layer.path("nin");
        JsonNode nOut = layer.path("nout");
        if (!nIn.canConvertToInt() || !nOut.canConvertToInt() || nIn.asInt() < 1 || nOut.asInt() < 1 || nIn.asInt() > 1 << 16 || nOut.asInt() > 1 << 16) {
            throw new IOException(zip.getFileName() + " " + CONFIGURATION + " has no valid nin and nout (got " + nIn + " and " + nOut + ")");
        }
        return new int[] {nIn.asInt(), nOut.asInt()};
    }

    /**
     * The flat parameter vector from ND4J's binary array layout: the shape buffer (allocation mode,
     * length, type {@code LONG}, then rank, shape, strides, extras, element stride and order) and the
     * data buffer (allocation mode, length, type {@code FLOAT} or {@code DOUBLE}, then the values), all
     * big-endian.
     */
    private static float[] parameters(byte[] coefficients, Path zip) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(coefficients))) {
            allocationMode(in, zip);
            long shapeLength = in.readLong();
            String shapeType = in.readUTF();
            if (!shapeType.equals("LONG") || shapeLength < 4 || shapeLength > 2 * 32 + 4) {
                throw new IOException(zip.getFileName() + " " + COEFFICIENTS + " has an unexpected shape buffer (" + printable(shapeType) + ", " + shapeLength + ")");
            }
            long[] shapeInfo = new long[(int) shapeLength];
            for (int i = 0; i < shapeInfo.length; i++) {
                shapeInfo[i] = in.readLong();
            }
            long rank = shapeInfo[0];
            if (rank < 1 || 2 * rank + 4 != shapeLength) {
                throw new IOException(zip.getFileName() + " " + COEFFICIENTS + " has rank " + rank + " for a shape buffer of " + shapeLength);
            }
            long elements = 1;
            for (int d = 1; d <= rank; d++) {
                elements *= shapeInfo[d];
            }
            allocationMode(in, zip);
            long length = in.readLong();
            String type = in.readUTF();
            int width = switch (type) {
                case "FLOAT" -> 4;
                case "DOUBLE" -> 8;
                default -> throw new IOException(zip.getFileName() + " " + COEFFICIENTS + " holds " + printable(type) + " values, expected FLOAT or DOUBLE");
            };
            if (length != elements || length < 0 || length * width != in.available()) {
                throw new IOException(zip.getFileName() + " " + COEFFICIENTS + " declares " + length + " values for " + elements
                        + " parameters in " + in.available() + " bytes");
            }
            float[] params = new float[(int) length];
            for (int i = 0; i < params.length; i++) {
                params[i] = width == 4 ? in.readFloat() : (float) in.readDouble();
            }
            return params;
        } catch (EOFException e) {
            throw new IOException(zip.getFileName() + " " + COEFFICIENTS + " ends too early (truncated)");
        }
    }

    private static void allocationMode(DataInputStream in, Path zip) throws IOException {
        String mode = in.readUTF();
        if (!ALLOCATION_MODES.contains(mode)) {
            throw new IOException(zip.getFileName() + " " + COEFFICIENTS + " is not an ND4J array (allocation mode '" + printable(mode) + "')");
        }
    }

    /** {@code s} cut to 80 characters, control characters replaced, so that a message stays one short line. */
    static String printable(String s) {
        String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 80 ? clean.substring(0, 80) + "..." : clean;
    }
}
