package vn.nhan.report;

import java.util.List;
import java.util.Map;
import vn.nhan.eval.LabelEvaluation;
import vn.nhan.eval.MultiLabelEvaluation;

/**
 * The self-contained page, {@code report.html}: inline CSS and inline SVG only, no script and no
 * external resource. Every piece of text from the report is HTML-escaped.
 */
final class HtmlReport {

    private HtmlReport() {
    }

    static String render(EvaluationReport report) {
        List<LabelRow> byF1 = LabelRow.byF1(report);
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Nhãn evaluation: ").append(Html.escape(report.title())).append("</title>\n")
                .append("<style>\n").append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        html.append(header(report));
        html.append(section("Headline metrics", cards(report.evaluation())));
        html.append(components(report));
        html.append(section("F1 per label", F1BarChart.render(byF1)));
        html.append(section("Weakest labels", weakest(report)));
        html.append(section("Per-label metrics", labelTable(byF1)));
        html.append(section("Precision/recall trade-off per label", curves(byF1)));
        html.append(section("Model", model(report)));
        html.append(section("How to read the metrics", conventions()));
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String header(EvaluationReport report) {
        MultiLabelEvaluation e = report.evaluation();
        return "<header>\n<h1>Evaluation report <span class=\"model\">" + Html.escape(report.title()) + "</span></h1>\n"
                + "<p class=\"sub\">Test set <code>" + Html.escape(report.test().path()) + "</code> · "
                + e.nDocuments() + " documents · " + e.perLabel().size() + " labels</p>\n</header>\n";
    }

    private static String section(String title, String body) {
        return "<section>\n<h2>" + Html.escape(title) + "</h2>\n" + body + "</section>\n";
    }

    private static String cards(MultiLabelEvaluation e) {
        StringBuilder html = new StringBuilder("<div class=\"cards\">\n");
        for (Metric metric : Metric.HEADLINE) {
            html.append("<div class=\"card\"><div class=\"card-value\">").append(metric.format(e))
                    .append("</div><div class=\"card-title\">").append(Html.escape(metric.title()))
                    .append("</div><div class=\"card-help\">").append(Html.escape(metric.description()))
                    .append("</div></div>\n");
        }
        return html.append("</div>\n").toString();
    }

    private static String components(EvaluationReport report) {
        if (report.components().isEmpty()) {
            return "";
        }
        String best = report.bestComponent().orElseThrow();
        StringBuilder html = new StringBuilder("<p>The same test set scored by each part of the model. Best by micro F1: <strong>")
                .append(Html.escape(best)).append("</strong>. The best value of each column is in bold.</p>\n")
                .append("<table class=\"numbers\">\n<thead><tr><th>Component</th>");
        Metric.COMPARED.forEach(metric -> html.append("<th>").append(Html.escape(metric.title())).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<String, MultiLabelEvaluation> entry : report.components().entrySet()) {
            boolean isBest = entry.getKey().equals(best);
            html.append(isBest ? "<tr class=\"best\">" : "<tr>").append("<td class=\"text\">")
                    .append(Html.escape(entry.getKey())).append(isBest ? " <span class=\"badge\">best</span>" : "")
                    .append("</td>");
            for (Metric metric : Metric.COMPARED) {
                boolean top = metric.isBest(entry.getValue(), report.components().values());
                html.append(top ? "<td><strong>" : "<td>").append(metric.format(entry.getValue()))
                        .append(top ? "</strong></td>" : "</td>");
            }
            html.append("</tr>\n");
        }
        return section("Components", html.append("</tbody>\n</table>\n").toString());
    }

    private static String weakest(EvaluationReport report) {
        StringBuilder html = new StringBuilder("<ul class=\"weak\">\n");
        for (LabelRow row : LabelRow.weakest(report)) {
            LabelEvaluation m = row.metrics();
            html.append("<li><strong>").append(Html.escape(row.name())).append("</strong> <code>")
                    .append(Html.escape(row.id())).append("</code>: F1 ").append(Numbers.metric(m.f1()))
                    .append(", precision ").append(Numbers.metric(m.precision()))
                    .append(", recall ").append(Numbers.metric(m.recall()))
                    .append(", support ").append(m.support()).append(" — ")
                    .append(Html.escape(row.diagnosis())).append(".</li>\n");
        }
        List<LabelRow> unsupported = LabelRow.unsupported(report);
        if (!unsupported.isEmpty()) {
            html.append("<li class=\"muted\">Not measurable, no test document has them: ");
            for (int i = 0; i < unsupported.size(); i++) {
                html.append(i == 0 ? "" : ", ").append(Html.escape(unsupported.get(i).name()))
                        .append(" <code>").append(Html.escape(unsupported.get(i).id())).append("</code>")
                        .append(predictedNote(unsupported.get(i)));
            }
            html.append(".</li>\n");
        }
        return html.append("</ul>\n").toString();
    }

    private static String predictedNote(LabelRow row) {
        int predicted = row.metrics().predictedCount();
        return predicted == 0 ? "" : " (yet predicted for " + predicted + ")";
    }

    private static String labelTable(List<LabelRow> rows) {
        StringBuilder html = new StringBuilder("<table class=\"numbers labels\">\n<thead><tr><th>#</th>"
                + "<th>Label</th><th>Id</th><th>Precision</th><th>Recall</th><th>F1</th><th>Support</th>"
                + "<th>Predicted</th><th>Threshold</th></tr></thead>\n<tbody>\n");
        int rank = 1;
        for (LabelRow row : rows) {
            LabelEvaluation m = row.metrics();
            html.append("<tr><td>").append(rank++).append("</td><td class=\"text\">").append(Html.escape(row.name()))
                    .append("</td><td class=\"text\"><code>").append(Html.escape(row.id())).append("</code></td><td>")
                    .append(Numbers.metric(m.precision())).append("</td><td>").append(Numbers.metric(m.recall()))
                    .append("</td><td><strong>").append(Numbers.metric(m.f1())).append("</strong></td><td>")
                    .append(m.support()).append("</td><td>").append(m.predictedCount()).append("</td><td>")
                    .append(Numbers.threshold(m.threshold())).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String curves(List<LabelRow> rows) {
        StringBuilder html = new StringBuilder("<p>Each curve shows the precision and recall reached at every "
                + "threshold on the test set; the red dot is the label's chosen threshold.</p>\n<div class=\"curves\">\n");
        for (LabelRow row : rows) {
            LabelEvaluation m = row.metrics();
            html.append("<figure>\n<figcaption><strong>").append(Html.escape(row.name())).append("</strong><br><code>")
                    .append(Html.escape(row.id())).append("</code> · F1 ").append(Numbers.metric(m.f1()))
                    .append(" · n=").append(m.support()).append("</figcaption>\n")
                    .append(PrCurveChart.render(row)).append("</figure>\n");
        }
        return html.append("</div>\n").toString();
    }

    private static String model(EvaluationReport report) {
        if (report.model().fields().isEmpty()) {
            return "<p class=\"muted\">No model information was given.</p>\n";
        }
        StringBuilder html = new StringBuilder("<table class=\"kv\">\n<tbody>\n");
        report.model().fields().forEach(f -> html.append("<tr><th>").append(Html.escape(f.name()))
                .append("</th><td>").append(Html.escape(f.value())).append("</td></tr>\n"));
        html.append("<tr><th>test set</th><td>").append(Html.escape(report.test().path())).append(" (")
                .append(report.test().nDocuments()).append(" documents)</td></tr>\n");
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String conventions() {
        StringBuilder html = new StringBuilder("<ul class=\"muted\">\n");
        for (String line : Conventions.LINES) {
            html.append("<li>").append(Html.escape(line)).append("</li>\n");
        }
        return html.append("</ul>\n").toString();
    }
}
