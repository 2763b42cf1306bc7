package nl.verzuimhub.server.statistics;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as SVG, drawn on the server (no scripts): one bar per item, a shared scale from zero to
 * the largest value, the value at the end of each bar. A suppressed item has no bar but a hatched placeholder
 * labelled "&lt; threshold", so a reader sees that a small count was withheld, not that it was zero. Output is
 * XML-escaped. Plain class.
 */
final class BarChart {
    static final int WIDTH = 720;
    static final int LABEL_WIDTH = 260;
    static final int ROW = 22;
    static final int TOP = 30;

    private BarChart() {
    }

    /**
     * @param value null when suppressed
     * @param key   stable id, written as the bar's {@code data-key}
     */
    record Bar(String key, String label, Number value, boolean suppressed) {
    }

    static String svg(String id, String title, List<Bar> bars, int threshold) {
        int height = TOP + Math.max(1, bars.size()) * ROW + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" id=\"").append(escape(id))
                .append("\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\"><title>")
                .append(escape(title)).append("</title>")
                .append("<defs><pattern id=\"").append(escape(id)).append("-hatch\" width=\"6\" height=\"6\""
                        + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"2\""
                        + " height=\"6\" fill=\"#999\"/></pattern></defs>")
                .append(text(4, 18, "start", "bold", title));
        if (bars.isEmpty()) {
            return svg.append(text(4, TOP + 14, "start", "normal", "Geen gegevens / no data")).append("</svg>").toString();
        }
        double max = bars.stream().filter(b -> b.value() != null).mapToDouble(b -> b.value().doubleValue()).max()
                .orElse(0);
        max = Math.max(max, 1);
        int plot = WIDTH - LABEL_WIDTH - 70;
        int y = TOP;
        for (Bar bar : bars) {
            svg.append("<g class=\"bar\" data-key=\"").append(escape(bar.key())).append("\" data-suppressed=\"")
                    .append(bar.suppressed()).append("\">");
            svg.append(text(LABEL_WIDTH - 6, y + 15, "end", "normal", bar.label()));
            if (bar.suppressed()) {
                svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3)
                        .append("\" width=\"40\" height=\"16\" fill=\"url(#").append(escape(id)).append("-hatch)\"/>");
                svg.append(text(LABEL_WIDTH + 46, y + 15, "start", "normal", "< " + threshold));
            } else {
                double value = bar.value() == null ? 0 : bar.value().doubleValue();
                double width = value * plot / max;
                svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"")
                        .append(String.format(Locale.ROOT, "%.1f", width)).append("\" height=\"16\" fill=\"#1f77b4\"/>");
                svg.append(text((int) (LABEL_WIDTH + width + 6), y + 15, "start", "normal", format(bar.value())));
            }
            svg.append("</g>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    static String format(Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            return String.format(Locale.ROOT, "%.1f", value.doubleValue());
        }
        return value.toString();
    }

    private static String text(int x, int y, String anchor, String weight, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"12\" font-weight=\"" + weight + "\" text-anchor=\""
                + anchor + "\">" + escape(content) + "</text>";
    }

    /** Escapes for XML text and attributes (SVG inline in HTML): &amp;, &lt;, &gt;, quotes. */
    static String escape(String value) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(value, "UTF-8");
    }
}
