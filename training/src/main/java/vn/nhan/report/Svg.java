package vn.nhan.report;

/** A tiny builder of inline SVG markup; every text and attribute value it writes is escaped. */
final class Svg {

    /** The SVG namespace; the only URI the HTML report contains. */
    static final String NAMESPACE = "http://www.w3.org/2000/svg";

    private final StringBuilder out = new StringBuilder();

    Svg(double width, double height, String cssClass, String label) {
        out.append("<svg xmlns=\"").append(NAMESPACE).append("\" class=\"").append(Html.escape(cssClass))
                .append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">\n")
                .append("<title>").append(Html.escape(label)).append("</title>\n");
    }

    Svg rect(double x, double y, double width, double height, String cssClass) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, width))).append("\" height=\"").append(n(height))
                .append("\" class=\"").append(cssClass).append("\"/>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"")
                .append(n(x2)).append("\" y2=\"").append(n(y2)).append("\" class=\"").append(cssClass)
                .append("\"/>\n");
        return this;
    }

    Svg circle(double cx, double cy, double r, String cssClass, String tooltip) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"")
                .append(n(r)).append("\" class=\"").append(cssClass).append("\"><title>")
                .append(Html.escape(tooltip)).append("</title></circle>\n");
        return this;
    }

    /** A polyline through {@code xy} = x0, y0, x1, y1, ... */
    Svg polyline(double[] xy, String cssClass) {
        out.append("<polyline class=\"").append(cssClass).append("\" points=\"");
        for (int i = 0; i + 1 < xy.length; i += 2) {
            out.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
        }
        out.append("\"/>\n");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end. */
    Svg text(double x, double y, String anchor, String cssClass, String text) {
        return text(x, y, anchor, cssClass, text, null);
    }

    /** Text with a tooltip (for example the full text of a shortened label). */
    Svg text(double x, double y, String anchor, String cssClass, String text, String tooltip) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" class=\"").append(cssClass).append("\">");
        if (tooltip != null) {
            out.append("<title>").append(Html.escape(tooltip)).append("</title>");
        }
        out.append(Html.escape(text)).append("</text>\n");
        return this;
    }

    /** Text rotated a quarter turn anticlockwise around its anchor point, for a y-axis title. */
    Svg verticalText(double x, double y, String cssClass, String text) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y))
                .append(")\" class=\"").append(cssClass).append("\">").append(Html.escape(text)).append("</text>\n");
        return this;
    }

    String end() {
        return out.append("</svg>\n").toString();
    }

    private static String n(double value) {
        return Numbers.coordinate(value);
    }
}
