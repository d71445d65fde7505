package vn.nhan.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import vn.nhan.data.Document;
import vn.nhan.data.Taxonomy;

/**
 * Reads a corpus from a path: a JSONL, CSV or TSV file; a directory of {@code *.jsonl} (or
 * {@code *.csv}/{@code *.tsv}) files; or a folder-per-label tree. Ids must be unique.
 */
public final class CorpusReader {
    private CorpusReader() {
    }

    /** Reads a labelled corpus (every record needs "labels"). */
    public static Corpus read(Path path) throws IOException {
        return read(path, true);
    }

    public static Corpus read(Path path, boolean requireLabels) throws IOException {
        if (!Files.exists(path)) {
            throw new CorpusException("corpus " + path + " does not exist");
        }
        Corpus corpus = Files.isDirectory(path) ? readDirectory(path, requireLabels) : new Corpus(readFile(path, requireLabels), List.of(path.toString()), Optional.empty());
        if (corpus.documents().isEmpty()) {
            throw new CorpusException("corpus " + path + " holds no documents");
        }
        checkUniqueIds(corpus.documents());
        return corpus;
    }

    private static Corpus readDirectory(Path dir, boolean requireLabels) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> Files.isRegularFile(p) && isTable(p)).sorted().toList();
        }
        if (!files.isEmpty()) {
            List<Document> docs = new ArrayList<>();
            for (Path f : files) {
                docs.addAll(readFile(f, requireLabels));
            }
            return new Corpus(docs, files.stream().map(Path::toString).toList(), Optional.empty());
        }
        List<Document> docs = FolderCorpusReader.read(dir);
        TreeSet<String> labels = new TreeSet<>();
        docs.forEach(d -> labels.addAll(d.labels()));
        return new Corpus(docs, List.of(dir.toString()), labels.isEmpty() ? Optional.empty() : Optional.of(Taxonomy.ofIds(labels)));
    }

    private static boolean isTable(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".csv") || name.endsWith(".tsv");
    }

    static List<Document> readFile(Path file, boolean requireLabels) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (BufferedReader in = utf8(file)) {
            if (name.endsWith(".csv")) {
                return DelimitedCorpusReader.read(in, file, ',');
            }
            if (name.endsWith(".tsv")) {
                return DelimitedCorpusReader.read(in, file, '\t');
            }
            if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
                return JsonlCorpusReader.read(in, file, requireLabels);
            }
            throw CorpusException.notACorpusFormat(file, 0, "unknown corpus format: expected .jsonl, .csv, .tsv or a directory");
        } catch (MalformedInputException e) {
            throw new CorpusException(file, 0, "is not valid UTF-8 text");
        } catch (NoSuchFileException e) {
            throw new CorpusException("corpus file " + file + " does not exist");
        }
    }

    private static BufferedReader utf8(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)), 1 << 16);
    }

    private static void checkUniqueIds(List<Document> docs) throws CorpusException {
        Map<String, String> seen = new HashMap<>();
        for (Document d : docs) {
            String before = seen.putIfAbsent(d.id(), d.source());
            if (before != null) {
                throw new CorpusException(d.source() + ": id '" + d.id() + "' was already used at " + before);
            }
        }
    }

    /** Checks every label against the taxonomy, naming the line of the first unknown one. */
    public static void checkLabels(List<Document> docs, Taxonomy taxonomy) throws CorpusException {
        for (Document d : docs) {
            for (int i = 0; i < d.labels().size(); i++) {
                String label = d.labels().get(i);
                if (taxonomy.indexOf(label) < 0) {
                    throw new CorpusException(d.source() + ": labels[" + i + "] " + taxonomy.notInTaxonomy(label));
                }
            }
        }
    }
}
