package vn.nhan.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.nhan.bundle.AtomicFiles;
import vn.nhan.bundle.BundleManifest;
import vn.nhan.bundle.ModelBundle;

/**
 * A directory of versioned model bundles: {@code models/<version>/} (one bundle each),
 * {@code current} (the version being served, replaced atomically) and {@code history.jsonl} (one
 * JSON event a line: registrations, promotions, refusals, rollbacks). Services watch
 * {@code current}; training jobs add bundles and promote them.
 */
public final class ModelRegistry {
    /** The registry's directory when none is given (the service, bootstrap, models and keys commands), relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = "registry";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private final Path root;

    private ModelRegistry(Path root) {
        this.root = root;
    }

    /** Opens (creating if needed) the registry at {@code root}. */
    public static ModelRegistry open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        Files.createDirectories(absolute.resolve("models"));
        return new ModelRegistry(absolute);
    }

    /**
     * Whether {@code path} is a registry rather than a bundle: a directory without a
     * {@code manifest.json} that holds {@code models/}, {@code current} or {@code history.jsonl}.
     */
    public static boolean isRegistry(Path path) {
        return Files.isDirectory(path) && !Files.exists(path.resolve("manifest.json"))
                && (Files.isDirectory(path.resolve("models")) || Files.exists(path.resolve("current"))
                        || Files.exists(path.resolve("history.jsonl")));
    }

    public Path root() {
        return root;
    }

    public Path currentFile() {
        return root.resolve("current");
    }

    /** The version {@code current} names, if any. */
    public Optional<String> currentVersion() throws IOException {
        try {
            String version = Files.readString(currentFile(), StandardCharsets.UTF_8).strip();
            return version.isEmpty() ? Optional.empty() : Optional.of(version);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** The directory of the current bundle, if the registry has one. */
    public Optional<Path> currentBundle() throws IOException {
        Optional<String> version = currentVersion();
        return version.isEmpty() ? Optional.empty() : Optional.of(bundlePath(version.get()));
    }

    public Path bundlePath(String version) {
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("model version '" + version + "' is not a valid version name");
        }
        return root.resolve("models").resolve(version);
    }

    /** Registered versions, oldest first (versions sort by creation time). */
    public List<String> versions() throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("models"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** A fresh directory inside the registry to save a new bundle into before {@link #add}. */
    public Path stagingPath() {
        return root.resolve("models").resolve(".staging-" + System.nanoTime());
    }

    /**
     * Moves a saved bundle into {@code models/<version>/} and records it; returns the version. The
     * version is the bundle's, unique within a process by construction (bundles are dated by a clock
     * that never repeats a millisecond); a bundle of another process saved in the same millisecond
     * gets {@code -2}, {@code -3}... (the directory is claimed atomically, so two jobs never share one).
     */
    public synchronized String add(Path bundleDir) throws IOException {
        ModelBundle bundle = ModelBundle.load(bundleDir);
        String version = bundle.version();
        Path target = bundlePath(version);
        for (int n = 2; ; n++) {
            try {
                Files.createDirectory(target); // claims the name atomically; the rename below replaces the empty directory
                break;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                version = bundle.version() + "-" + n;
                target = bundlePath(version);
            }
        }
        Files.move(bundleDir, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        DurableFiles.forceDirectory(target.getParent());
        record("registered", version, new Registered(bundle.id(), bundle.manifest().metrics()));
        return version;
    }

    /** Makes {@code version} current (after checking that its bundle loads) and records why. */
    public void promote(String version, String reason) throws IOException {
        ModelBundle.load(bundlePath(version));
        Optional<String> previous = currentVersion();
        DurableFiles.replace(currentFile(), version + "\n");
        record("promoted", version, new Change(previous.orElse(null), reason));
    }

    /**
     * Goes back to the model that was current before the current one, as the history records it,
     * and records the rollback.
     */
    public String rollback(String reason) throws IOException {
        String current = currentVersion().orElseThrow(() -> new IOException("registry " + root + " has no current model to roll back from"));
        String previous = null;
        for (HistoryEvent event : history()) {
            if (current.equals(event.version()) && (event.is("promoted") || event.is("rolled-back"))) {
                previous = event.text("previous").orElse(null);
            }
        }
        if (previous == null) {
            throw new IOException("registry " + root + ": model " + current + " has no previous model to roll back to");
        }
        ModelBundle.load(bundlePath(previous));
        DurableFiles.replace(currentFile(), previous + "\n");
        record("rolled-back", previous, new Change(current, reason));
        return previous;
    }

    /**
     * Deletes the oldest versions so that at most {@code keep} remain, never the current model nor
     * the one a rollback would return to; returns the versions deleted.
     */
    public List<String> prune(int keep) throws IOException {
        if (keep < 1) {
            throw new IllegalArgumentException("pruning must keep at least 1 version, got " + keep);
        }
        List<String> versions = versions();
        java.util.Set<String> protectedVersions = new java.util.HashSet<>();
        currentVersion().ifPresent(protectedVersions::add);
        for (HistoryEvent event : history()) {
            if (protectedVersions.contains(event.version())) {
                event.text("previous").ifPresent(protectedVersions::add);
            }
        }
        List<String> deleted = new ArrayList<>();
        int excess = versions.size() - keep;
        for (String version : versions) {
            if (excess <= 0) {
                break;
            }
            if (!protectedVersions.contains(version)) {
                AtomicFiles.deleteRecursively(bundlePath(version));
                deleted.add(version);
                excess--;
            }
        }
        if (!deleted.isEmpty()) {
            record("pruned", null, new Pruned(deleted, keep));
        }
        return deleted;
    }

    /** Removes bundles left half-saved by a job that crashed. */
    public void cleanStaging() throws IOException {
        try (Stream<Path> s = Files.list(root.resolve("models"))) {
            for (Path p : s.filter(d -> d.getFileName().toString().startsWith(".")).toList()) {
                AtomicFiles.deleteRecursively(p);
            }
        }
    }

    /**
     * Appends one event to {@code history.jsonl}: its time, name and version, then the fields of
     * {@code details}, a record (or anything Jackson writes as a JSON object).
     */
    public synchronized void record(String event, String version, Object details) throws IOException {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("event", event);
        line.put("version", version);
        JsonNode fields = JSON.valueToTree(details);
        if (!fields.isObject()) {
            throw new IllegalArgumentException("the details of a history event must be a JSON object, got " + fields.getNodeType());
        }
        line.setAll((ObjectNode) fields);
        DurableFiles.appendLine(root.resolve("history.jsonl"), JSON.writeValueAsString(line));
    }

    /** Every event of {@code history.jsonl}, oldest first. */
    public List<HistoryEvent> history() throws IOException {
        List<HistoryEvent> events = new ArrayList<>();
        Path file = root.resolve("history.jsonl");
        if (!Files.exists(file)) {
            return events;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                JsonNode line = JSON.readTree(lines.get(i));
                if (!line.isObject()) {
                    throw new IOException(file + ":" + (i + 1) + ": malformed history line: expected a JSON object, got " + line.getNodeType());
                }
                events.add(HistoryEvent.of((ObjectNode) line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                if (i < lines.size() - 1) {
                    throw new IOException(file + ":" + (i + 1) + ": malformed history line: " + e.getOriginalMessage(), e);
                }
                // a last line cut short by a crash while appending: the event never completed
            }
        }
        return events;
    }

    /** A bundle added to the registry, with the figures its manifest records. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    private record Registered(String modelId, BundleManifest.Metrics metrics) { }

    /** A promotion or a rollback: the version served before, and why. */
    private record Change(String previous, String reason) { }

    private record Pruned(List<String> deleted, int keep) { }
}
