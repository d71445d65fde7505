package vn.nhan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.bundle.AtomicFiles;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.corpus.JsonlCorpusReader;
import vn.nhan.data.Document;
import vn.nhan.features.SparseVector;
import vn.nhan.model.Classifier;
import vn.nhan.model.Prediction;

/** {@code nhan classify}: labels a file of articles offline, one output line per input article, in order. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classifies articles offline. Input: JSONL ({\"id\", \"title\", \"text\"} a line), CSV/TSV, a directory, or - for standard input.",
                "Output: one JSON line per article, in input order: {\"id\", \"labels\": [...], \"scores\": {label: score}}."})
final class ClassifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 512;

    @Option(names = "--model", required = true, description = "Model bundle directory.")
    Path model;

    @Option(names = "--input", required = true, description = "Input file or directory, or - for standard input (JSONL).")
    String input;

    @Option(names = "--output", defaultValue = "-", description = "Output JSONL file (written atomically), or - for standard output (default).")
    String output;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.err);
        Classifier classifier = ModelBundle.load(model).classifier();
        List<Document> docs = readInput();
        if ("-".equals(output)) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            write(classifier, docs, out, progress);
            out.flush();
        } else {
            Path target = Path.of(output).toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(classifier, docs, out, progress);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            AtomicFiles.move(temp, target);
            progress.message("wrote " + docs.size() + " predictions to " + target);
        }
        return 0;
    }

    private List<Document> readInput() throws IOException {
        if ("-".equals(input)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)));
            return JsonlCorpusReader.read(in, Path.of("<stdin>"), false);
        }
        return CorpusReader.read(Path.of(input), false).documents();
    }

    private static void write(Classifier classifier, List<Document> docs, Writer out, ConsoleProgress progress) throws IOException {
        for (int start = 0; start < docs.size(); start += CHUNK) {
            List<Document> chunk = docs.subList(start, Math.min(docs.size(), start + CHUNK));
            List<SparseVector> rows = chunk.parallelStream().map(d -> classifier.features().extract(d.title(), d.text())).toList();
            float[][] scores = classifier.scoresParallel(rows, classifier.type(), 64);
            float[] thresholds = classifier.thresholds();
            for (int i = 0; i < chunk.size(); i++) {
                out.write(JSON.writeValueAsString(line(classifier, chunk.get(i), classifier.toPrediction(scores[i], thresholds))));
                out.write('\n');
            }
            progress.step("classified", start + chunk.size(), docs.size());
        }
    }

    private static Map<String, Object> line(Classifier classifier, Document doc, Prediction prediction) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", doc.id());
        List<String> labels = new ArrayList<>();
        prediction.labels().forEach(l -> labels.add(l.id()));
        m.put("labels", labels);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int l = 0; l < prediction.scores().length; l++) {
            scores.put(classifier.taxonomy().get(l).id(), Math.round(prediction.scores()[l] * 10000) / 10000.0);
        }
        m.put("scores", scores);
        return m;
    }
}
