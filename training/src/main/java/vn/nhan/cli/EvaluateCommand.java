package vn.nhan.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.corpus.Corpus;
import vn.nhan.corpus.CorpusReader;
import vn.nhan.data.Document;
import vn.nhan.data.Label;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.model.Classifier;
import vn.nhan.model.ClassifierEvaluator;
import vn.nhan.report.EvaluationReport;
import vn.nhan.report.ModelInfo;
import vn.nhan.report.ReportWriter;

/** {@code nhan evaluate}: scores a labelled test set and writes JSON, Markdown and HTML reports. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates a model bundle on a labelled test set and writes DIR/report.json, DIR/report.md and DIR/report.html.",
                "The report puts the article scores (passages blended in) beside the whole-article scores alone,",
                "for the model and, for an ensemble, its neural and linear parts, and again on the long articles ("
                        + ClassifierEvaluator.LONG_ARTICLE_WORDS + "+ words)."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Model bundle directory.")
    Path model;

    @Option(names = "--test", required = true, description = "Labelled test corpus: a file or a directory.")
    Path test;

    @Option(names = "--report", required = true, description = "Directory to write the reports into (created if missing).")
    Path report;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.err);
        ModelBundle bundle = ModelArgument.load(model);
        Classifier classifier = bundle.classifier();
        Corpus corpus = CorpusReader.read(test);
        List<Document> docs = corpus.documents();
        CorpusReader.checkLabels(docs, classifier.taxonomy());
        progress.message("evaluating " + bundle.id() + " on " + docs.size() + " documents");
        Map<String, MultiLabelEvaluation> components = ClassifierEvaluator.sideBySide(classifier, docs);
        MultiLabelEvaluation main = components.get(classifier.type().id());
        Map<String, String> names = new LinkedHashMap<>();
        for (Label l : classifier.taxonomy().labels()) {
            names.put(l.id(), l.name());
        }
        EvaluationReport evaluation = new EvaluationReport(ModelInfo.of(bundle), new EvaluationReport.TestSet(test.toString(), docs.size()),
                main, components.size() > 1 ? components : Map.of(), names);
        ReportWriter.ReportFiles files = new ReportWriter().write(evaluation, report);
        System.out.printf("micro-F1 %.4f  macro-F1 %.4f  samples-F1 %.4f  precision@1 %.4f  (%d documents)%n",
                main.microF1(), main.macroF1(), main.samplesF1(), main.precisionAt1(), main.nDocuments());
        components.forEach((name, e) -> System.out.printf("  %-34s micro-F1 %.4f  macro-F1 %.4f  (%d documents)%n", name, e.microF1(), e.macroF1(),
                e.nDocuments()));
        System.out.println("reports: " + files.json() + ", " + files.markdown() + ", " + files.html());
        return 0;
    }
}
