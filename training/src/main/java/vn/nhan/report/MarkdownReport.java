package vn.nhan.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import vn.nhan.eval.LabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluation;

/**
 * The readable report, {@code report.md}: headline metrics, the comparison of the model's
 * components, labels sorted by F1 and the weakest labels called out.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(EvaluationReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation report: ").append(Markdown.text(report.title())).append("\n\n");
        md.append(testSet(report)).append('\n');
        md.append("## Headline metrics\n\n").append(headline(report.evaluation())).append('\n');
        md.append(components(report));
        md.append("## Weakest labels\n\n").append(weakest(report)).append('\n');
        md.append("## Per-label metrics (by F1)\n\n").append(perLabel(report)).append('\n');
        md.append("## Model\n\n").append(model(report)).append('\n');
        md.append(Conventions.MARKDOWN);
        return md.toString();
    }

    private static String testSet(EvaluationReport report) {
        return "Test set " + Markdown.code(report.test().path()) + ": "
                + report.evaluation().nDocuments() + " documents, "
                + report.evaluation().perLabel().size() + " labels.\n";
    }

    private static String headline(MultiLabelEvaluation e) {
        StringBuilder table = new StringBuilder(Markdown.header(List.of("Metric", "Value"), new boolean[] {false, true}));
        for (Metric metric : Metric.HEADLINE) {
            table.append(Markdown.row(List.of(metric.title(), metric.format(e))));
        }
        return table.toString();
    }

    private static String components(EvaluationReport report) {
        if (report.components().isEmpty()) {
            return "";
        }
        String best = report.bestComponent().orElseThrow();
        List<String> titles = new ArrayList<>(List.of("Component"));
        Metric.COMPARED.forEach(metric -> titles.add(metric.title()));
        boolean[] right = new boolean[titles.size()];
        Arrays.fill(right, 1, right.length, true);
        StringBuilder md = new StringBuilder("## Components\n\n");
        md.append("The same test set scored by each part of the model. Best by micro F1: **")
                .append(Markdown.text(best)).append("**.\n\n");
        md.append(Markdown.header(titles, right));
        for (Map.Entry<String, MultiLabelEvaluation> entry : report.components().entrySet()) {
            List<String> cells = new ArrayList<>();
            String name = Markdown.text(entry.getKey());
            cells.add(entry.getKey().equals(best) ? "**" + name + "** (best)" : name);
            for (Metric metric : Metric.COMPARED) {
                String value = metric.format(entry.getValue());
                cells.add(metric.isBest(entry.getValue(), report.components().values()) ? "**" + value + "**" : value);
            }
            md.append(Markdown.row(cells));
        }
        return md.append('\n').toString();
    }

    private static String weakest(EvaluationReport report) {
        StringBuilder md = new StringBuilder();
        for (LabelRow row : LabelRow.weakest(report)) {
            LabelEvaluation m = row.metrics();
            md.append("- **").append(Markdown.text(row.name())).append("** (").append(Markdown.code(row.id()))
                    .append("): F1 ").append(Numbers.metric(m.f1()))
                    .append(", precision ").append(Numbers.metric(m.precision()))
                    .append(", recall ").append(Numbers.metric(m.recall()))
                    .append(", support ").append(m.support())
                    .append(" — ").append(row.diagnosis()).append(".\n");
        }
        List<LabelRow> unsupported = LabelRow.unsupported(report);
        if (!unsupported.isEmpty()) {
            md.append("- Not measurable, no test document has them: ");
            List<String> names = new ArrayList<>();
            unsupported.forEach(row -> names.add(Markdown.text(row.name()) + " (" + Markdown.code(row.id())
                    + (row.metrics().predictedCount() > 0 ? ", yet predicted for " + row.metrics().predictedCount() : "")
                    + ")"));
            md.append(String.join(", ", names)).append(".\n");
        }
        return md.length() == 0 ? "No label has test documents.\n" : md.toString();
    }

    private static String perLabel(EvaluationReport report) {
        StringBuilder md = new StringBuilder(Markdown.header(
                List.of("#", "Label", "Id", "Precision", "Recall", "F1", "Support", "Predicted", "Threshold"),
                new boolean[] {true, false, false, true, true, true, true, true, true}));
        int rank = 1;
        for (LabelRow row : LabelRow.byF1(report)) {
            LabelEvaluation m = row.metrics();
            md.append(Markdown.row(List.of(String.valueOf(rank++), Markdown.text(row.name()),
                    Markdown.code(row.id()), Numbers.metric(m.precision()), Numbers.metric(m.recall()),
                    Numbers.metric(m.f1()), String.valueOf(m.support()), String.valueOf(m.predictedCount()),
                    Numbers.threshold(m.threshold()))));
        }
        return md.toString();
    }

    private static String model(EvaluationReport report) {
        if (report.model().fields().isEmpty()) {
            return "No model information was given.\n";
        }
        StringBuilder md = new StringBuilder(Markdown.header(List.of("Field", "Value"), new boolean[2]));
        report.model().fields().forEach(f -> md.append(Markdown.row(List.of(Markdown.text(f.name()), Markdown.text(f.value())))));
        return md.toString();
    }
}
