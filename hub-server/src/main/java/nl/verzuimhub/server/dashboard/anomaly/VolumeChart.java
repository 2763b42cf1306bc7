package nl.verzuimhub.server.dashboard.anomaly;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.verzuimhub.server.dashboard.search.AuditReadRepository.DailyCount;

/**
 * Renders disclosures per recipient per day as an SVG line chart, server-side: one polyline per recipient, the
 * days on the x axis, a shared y scale from zero to the largest count, a legend. Output is XML-escaped.
 */
public final class VolumeChart {
    static final int WIDTH = 760;
    static final int HEIGHT = 320;
    static final int LEFT = 50;
    static final int RIGHT = 180;
    static final int TOP = 20;
    static final int BOTTOM = 40;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
            "#e377c2", "#17becf"};

    private VolumeChart() {
    }

    public static String svg(List<DailyCount> counts) {
        Map<String, TreeMap<LocalDate, Long>> series = new TreeMap<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        for (DailyCount count : counts) {
            if ("DISCLOSE".equals(count.action()) && count.recipientId() != null) {
                series.computeIfAbsent(count.recipientId(), r -> new TreeMap<>()).merge(count.day(), count.count(), Long::sum);
                days.add(count.day());
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"volume-chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\"><title>Disclosures per recipient per day</title>");
        if (days.isEmpty()) {
            return svg.append("<text x=\"20\" y=\"40\">No disclosures in this period</text></svg>").toString();
        }
        List<LocalDate> axis = days.stream().toList();
        long max = Math.max(1, series.values().stream().flatMap(s -> s.values().stream()).mapToLong(Long::longValue)
                .max().orElse(1));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight)).append(line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight));
        svg.append(text(LEFT - 6, TOP + 4, "end", Long.toString(max))).append(text(LEFT - 6, TOP + plotHeight, "end", "0"));
        svg.append(text(LEFT, HEIGHT - 12, "start", axis.get(0).toString()));
        if (axis.size() > 1) {
            svg.append(text(LEFT + plotWidth, HEIGHT - 12, "end", axis.get(axis.size() - 1).toString()));
        }
        int index = 0;
        for (var entry : series.entrySet()) {
            String colour = COLOURS[index % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < axis.size(); i++) {
                long value = entry.getValue().getOrDefault(axis.get(i), 0L);
                double x = LEFT + (axis.size() == 1 ? plotWidth / 2.0 : (double) i * plotWidth / (axis.size() - 1));
                double y = TOP + plotHeight - (double) value * plotHeight / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline class=\"series\" data-recipient=\"").append(escape(entry.getKey()))
                    .append("\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
            if (axis.size() == 1) {
                String[] xy = points.toString().trim().split(",");
                svg.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"4\" fill=\"")
                        .append(colour).append("\"/>");
            }
            int legendY = TOP + 14 + index * 18;
            svg.append("<rect x=\"").append(WIDTH - RIGHT + 10).append("\" y=\"").append(legendY - 10)
                    .append("\" width=\"12\" height=\"12\" fill=\"").append(colour).append("\"/>");
            svg.append(text(WIDTH - RIGHT + 28, legendY, "start", entry.getKey()));
            index++;
        }
        return svg.append("</svg>").toString();
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2 + "\" stroke=\"#444\"/>";
    }

    private static String text(int x, int y, String anchor, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"12\" text-anchor=\"" + anchor + "\">"
                + escape(content) + "</text>";
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
