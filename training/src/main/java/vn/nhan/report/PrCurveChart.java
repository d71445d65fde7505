package vn.nhan.report;

import java.util.List;
import vn.nhan.eval.CurvePoint;
import vn.nhan.eval.LabelEvaluation;

/**
 * A small precision (y) against recall (x) chart of one label's trade-off, with the point of the
 * label's chosen threshold marked.
 */
final class PrCurveChart {

    private static final double WIDTH = 300;
    private static final double HEIGHT = 230;
    private static final double LEFT = 42;
    private static final double RIGHT = 288;
    private static final double TOP = 12;
    private static final double BOTTOM = 192;

    private PrCurveChart() {
    }

    static String render(LabelRow row) {
        Svg svg = new Svg(WIDTH, HEIGHT, "pr", "Precision/recall trade-off of " + row.name() + " (" + row.id() + ")");
        axes(svg);
        LabelEvaluation m = row.metrics();
        if (m.prCurve().isEmpty()) {
            svg.text((LEFT + RIGHT) / 2, (TOP + BOTTOM) / 2, "middle", "note", "no test documents with this label");
            return svg.end();
        }
        svg.polyline(points(m.prCurve()), "curve");
        chosen(svg, m);
        return svg.end();
    }

    private static void axes(Svg svg) {
        svg.rect(LEFT, TOP, RIGHT - LEFT, BOTTOM - TOP, "plot");
        for (int i = 0; i <= 4; i++) {
            double f = i / 4.0;
            svg.line(x(f), TOP, x(f), BOTTOM, "grid").line(LEFT, y(f), RIGHT, y(f), "grid");
            svg.text(x(f), BOTTOM + 14, "middle", "tick", Numbers.threshold(i / 4f));
            svg.text(LEFT - 5, y(f) + 4, "end", "tick", Numbers.threshold(i / 4f));
        }
        svg.text((LEFT + RIGHT) / 2, HEIGHT - 8, "middle", "axis-title", "recall");
        svg.verticalText(12, (TOP + BOTTOM) / 2, "axis-title", "precision");
    }

    private static double[] points(List<CurvePoint> curve) {
        double[] xy = new double[curve.size() * 2];
        for (int i = 0; i < curve.size(); i++) {
            xy[2 * i] = x(curve.get(i).recall());
            xy[2 * i + 1] = y(curve.get(i).precision());
        }
        return xy;
    }

    private static void chosen(Svg svg, LabelEvaluation m) {
        double cx = x(m.recall());
        double cy = y(m.precision());
        String tooltip = "threshold " + Numbers.threshold(m.threshold()) + ": precision "
                + Numbers.metric(m.precision()) + ", recall " + Numbers.metric(m.recall());
        svg.circle(cx, cy, 5.5, "chosen", tooltip);
        boolean leftHalf = m.recall() < 0.6;
        boolean nearTop = m.precision() > 0.85;
        svg.text(cx + (leftHalf ? 9 : -9), cy + (nearTop ? 16 : -9), leftHalf ? "start" : "end", "chosen-label",
                "t=" + Numbers.threshold(m.threshold()));
    }

    private static double x(double recall) {
        return LEFT + (RIGHT - LEFT) * recall;
    }

    private static double y(double precision) {
        return BOTTOM - (BOTTOM - TOP) * precision;
    }
}
