package vn.nhan.spark;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.nhan.data.PlainNumbers;
import vn.nhan.bundle.AtomicFiles;
import vn.nhan.bundle.ModelBundle;
import vn.nhan.data.Label;
import vn.nhan.data.Taxonomy;
import vn.nhan.eval.EvaluationFigures;
import vn.nhan.eval.LabelFigures;
import vn.nhan.eval.MultiLabelEvaluation;
import vn.nhan.model.ClassifierEvaluator;
import vn.nhan.model.ScoredArticle;

/**
 * {@code nhan-spark evaluate}: the metrics of {@code nhan evaluate} over a labelled archive.
 * Executors score the articles where they are ({@link PartitionEvaluator}); the driver gathers
 * the scores (a few floats per article and label) and evaluates them with
 * {@link ClassifierEvaluator#sideBySideScored}, the code {@code nhan evaluate} runs.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluates a model on a labelled archive on Spark: the metrics of nhan evaluate (micro/macro F1, per label, "
                + "with and without passages, long articles apart).",
                "Input: as for classify, with a \"labels\" array (or column) per article."})
final class SparkEvaluate implements Callable<Integer> {
    private static final ObjectMapper JSON = PlainNumbers.mapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job = new JobOptions();

    @Option(names = "--output", required = true, description = "Report file (JSON, written atomically); must not exist yet.")
    Path output;

    /** The report: which model, on what, and every named evaluation. */
    record Report(Model model, TestSet testSet, Map<String, Evaluation> evaluations) { }

    /** One evaluation: the figures of report.json and every label's. */
    record Evaluation(@JsonUnwrapped EvaluationFigures figures, Map<String, LabelFigures> perLabel) {
        static Evaluation of(MultiLabelEvaluation e, Taxonomy taxonomy) {
            Map<String, LabelFigures> perLabel = new LinkedHashMap<>();
            e.perLabel().forEach((id, l) -> perLabel.put(id, LabelFigures.of(taxonomy.find(id).map(Label::name).orElse(null), l)));
            return new Evaluation(EvaluationFigures.of(e), perLabel);
        }
    }

    record Model(String id, String version, String modelType) { }

    record TestSet(String input, int documents) { }

    @Override
    public Integer call() throws IOException {
        if (Files.exists(output)) {
            throw new IOException("output " + output + " already exists; give a file that does not exist yet");
        }
        ModelBundle bundle = job.bundle();
        List<ScoredArticle> scored;
        try (SparkSession spark = job.session("nhan-evaluate")) {
            String name = JobOptions.ship(spark, bundle);
            scored = job.articles(spark).mapPartitions(new PartitionEvaluator(name, bundle.version()),
                    Encoders.javaSerialization(ScoredArticle.class)).collectAsList();
        }
        Map<String, MultiLabelEvaluation> evaluations = ClassifierEvaluator.sideBySideScored(bundle.classifier(), scored);
        Map<String, Evaluation> written = new LinkedHashMap<>();
        evaluations.forEach((n, e) -> written.put(n, Evaluation.of(e, bundle.classifier().taxonomy())));
        Report report = new Report(new Model(bundle.id(), bundle.version(), bundle.classifier().type().id()),
                new TestSet(job.input, scored.size()), written);
        AtomicFiles.writeString(output, JSON.writeValueAsString(report) + "\n");
        var out = spec.commandLine().getOut();
        evaluations.forEach((n, e) -> out.printf("  %-34s micro-F1 %.4f  macro-F1 %.4f  (%d documents)%n", n, e.microF1(), e.macroF1(), e.nDocuments()));
        out.println("report: " + output);
        out.flush();
        return 0;
    }
}
