package vn.nhan.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
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
import vn.nhan.corpus.CorpusException;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.corpus.JsonlCorpusReader;
import vn.nhan.data.Document;
import vn.nhan.data.PlainNumbers;
import vn.nhan.model.ArticleLabels;
import vn.nhan.model.Classifier;
import vn.nhan.model.Evidence;
import vn.nhan.model.Prediction;
import vn.nhan.model.TagOptions;
import vn.nhan.model.Tagger;

/** {@code nhan classify}: labels a file of articles offline, one output line per input article, in order. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classifies articles offline. Input: JSONL ({\"id\", \"title\", \"text\"} a line), CSV/TSV, a directory, or - for standard input.",
                "Output: one JSON line per article, in input order: {\"id\", \"labels\": [...], \"scores\": {label: score}};",
                "with --explain also \"evidence\": {label: [{\"field\", \"text\", \"start\", \"end\", \"score\"}]}, the passages behind each label.",
                "Plain text, one article a line, is read with --text-lines."})
final class ClassifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = PlainNumbers.mapper(); // 0.0001, never 1.0E-4
    private static final int CHUNK = 512;

    @Option(names = "--model", required = true, description = "Model bundle directory.")
    Path model;

    @Option(names = "--input", required = true, description = "Input file or directory, or - for standard input (JSONL; plain text with --text-lines).")
    String input;

    @Option(names = "--output", defaultValue = "-", description = "Output JSONL file (written atomically), or - for standard output (default).")
    String output;

    @Option(names = "--explain", description = "Add the evidence passages of each label (offsets into the article's text or title).")
    boolean explain;

    @Option(names = "--text-lines", description = "Read the input (a file or - for standard input) as plain text, one article a line; "
            + "an article's id is its line number, blank lines are skipped.")
    boolean textLines;

    /** Said with every input that is not JSON, so that plain text finds its flag. */
    static final String TEXT_LINES_HINT = "for plain text, one article a line, pass --text-lines";

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.err);
        Tagger tagger = new Tagger(ModelArgument.load(model).classifier());
        List<Document> docs = readInput();
        if ("-".equals(output)) {
            Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            write(tagger, docs, out, progress);
            out.flush();
        } else {
            Path target = Path.of(output).toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(tagger, docs, out, progress);
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
        if (textLines) {
            try (BufferedReader in = "-".equals(input) ? utf8(System.in) : utf8(Files.newInputStream(Path.of(input)))) {
                return textLines(in, "-".equals(input) ? "standard input" : input);
            }
        }
        try {
            if ("-".equals(input)) {
                return JsonlCorpusReader.read(utf8(System.in), Path.of("<stdin>"), false);
            }
            return CorpusReader.read(Path.of(input), false).documents();
        } catch (CorpusException e) {
            throw e.notACorpusFormat() ? e.withHint(TEXT_LINES_HINT) : e;
        }
    }

    private static BufferedReader utf8(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)));
    }

    /** Plain text as articles: one a line, the line number (from 1) as its id, blank lines skipped. */
    static List<Document> textLines(BufferedReader in, String name) throws IOException {
        List<Document> docs = new ArrayList<>();
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (!line.isBlank()) {
                docs.add(new Document(String.valueOf(number), null, line.strip(), List.of()));
            }
        }
        if (docs.isEmpty()) {
            throw new CorpusException(name + " holds no article: expected one line of text per article, got " + number + " blank lines");
        }
        return docs;
    }

    private void write(Tagger tagger, List<Document> docs, Writer out, ConsoleProgress progress) throws IOException {
        TagOptions options = TagOptions.defaults().withExplain(explain);
        for (int start = 0; start < docs.size(); start += CHUNK) {
            List<Document> chunk = docs.subList(start, Math.min(docs.size(), start + CHUNK));
            List<Prediction> predictions = tagger.tagAll(chunk, options);
            for (int i = 0; i < chunk.size(); i++) {
                out.write(json(line(tagger.classifier(), chunk.get(i), predictions.get(i), explain)));
                out.write('\n');
            }
            progress.step("classified", start + chunk.size(), docs.size());
        }
    }

    /** One output line: the article's {@link ArticleLabels} and, when explained, the evidence of each label (else no "evidence" key). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutputLine(String id, List<String> labels, Map<String, Double> scores, Map<String, List<EvidenceLine>> evidence) {
    }

    /** The line as written: plain decimals (0.0001, never 1.0E-4). */
    static String json(OutputLine line) throws IOException {
        return JSON.writeValueAsString(line);
    }

    static OutputLine line(Classifier classifier, Document doc, Prediction prediction, boolean explain) {
        ArticleLabels labels = ArticleLabels.of(classifier, doc.id(), prediction);
        Map<String, List<EvidenceLine>> evidence = null;
        if (explain) {
            evidence = new LinkedHashMap<>();
            for (Prediction.LabelScore l : prediction.labels()) {
                evidence.put(l.id(), l.evidence().stream().map(EvidenceLine::of).toList());
            }
        }
        return new OutputLine(labels.id(), labels.labels(), labels.scores(), evidence);
    }

    /** An evidence passage as written to the output. */
    record EvidenceLine(String field, String text, int start, int end, double score) {
        static EvidenceLine of(Evidence e) {
            return new EvidenceLine(e.field(), e.text(), e.start(), e.end(), ArticleLabels.round(e.score()));
        }
    }
}
