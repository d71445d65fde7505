package vn.nhan.report;

import java.util.List;
import vn.nhan.eval.LabelEvaluation;

/**
 * Horizontal bar chart of per-label F1 (thick bar) with precision and recall (thin bars beneath),
 * one row per label, best F1 first.
 */
final class F1BarChart {

    private static final double WIDTH = 1000;
    private static final double NAME_END = 330;
    private static final double PLOT_START = 340;
    private static final double PLOT_WIDTH = 480;
    private static final double VALUE_START = PLOT_START + PLOT_WIDTH + 10;
    private static final double TOP = 48;
    private static final double ROW = 34;
    private static final int MAX_NAME = 44;

    private F1BarChart() {
    }

    static String render(List<LabelRow> rows) {
        double height = TOP + ROW * rows.size() + 10;
        Svg svg = new Svg(WIDTH, height, "bars", "F1, precision and recall per label");
        legend(svg);
        grid(svg, height);
        double y = TOP;
        for (LabelRow row : rows) {
            bar(svg, row, y);
            y += ROW;
        }
        return svg.end();
    }

    private static void legend(Svg svg) {
        double x = PLOT_START;
        for (String[] entry : new String[][] {{"f1", "F1"}, {"precision", "precision"}, {"recall", "recall"}}) {
            svg.rect(x, 6, 14, 10, entry[0]).text(x + 19, 15, "start", "legend", entry[1]);
            x += 100;
        }
    }

    private static void grid(Svg svg, double height) {
        for (int i = 0; i <= 4; i++) {
            double x = PLOT_START + PLOT_WIDTH * i / 4;
            svg.line(x, TOP - 8, x, height - 8, i == 0 ? "axis" : "grid");
            svg.text(x, TOP - 12, "middle", "tick", Numbers.threshold(i / 4f));
        }
    }

    private static void bar(Svg svg, LabelRow row, double y) {
        LabelEvaluation m = row.metrics();
        String name = Html.shorten(row.name(), MAX_NAME);
        svg.text(NAME_END, y + 16, "end", "name", name, row.name() + " (" + row.id() + ")");
        if (!row.hasSupport()) {
            svg.text(PLOT_START + 6, y + 16, "start", "note", row.unsupportedNote());
            return;
        }
        svg.rect(PLOT_START, y + 3, PLOT_WIDTH * m.f1(), 15, "f1");
        svg.rect(PLOT_START, y + 20, PLOT_WIDTH * m.precision(), 4, "precision");
        svg.rect(PLOT_START, y + 25, PLOT_WIDTH * m.recall(), 4, "recall");
        svg.text(VALUE_START, y + 15, "start", "value", Numbers.metric(m.f1()));
        svg.text(VALUE_START + 46, y + 15, "start", "support", "n=" + m.support());
        svg.text(VALUE_START, y + 28, "start", "small",
                "P " + Numbers.metric(m.precision()) + " · R " + Numbers.metric(m.recall()));
    }
}
