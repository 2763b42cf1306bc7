package nl.verzuimhub.server.dashboard.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.server.dashboard.search.DashboardEntry;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes entries one at a time as CSV (RFC 4180, header row, {@code fields} joined by '|') or as a JSON document
 * {@code {"entries": [ ... ]}}. Plain: the caller owns the writer.
 */
public final class ExportWriter {
    private final ExportFormat format;
    private final Writer out;
    private final ObjectMapper json;
    private boolean first = true;

    public ExportWriter(ExportFormat format, Writer out, ObjectMapper json) {
        this.format = format;
        this.out = out;
        this.json = json;
    }

    public void start() {
        write(format == ExportFormat.CSV ? csvLine(DashboardEntry.COLUMNS) : "{\"entries\":[\n");
    }

    public void entry(DashboardEntry entry) {
        if (format == ExportFormat.CSV) {
            write(csvLine(entry.values()));
            return;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        List<Object> values = entry.values();
        for (int i = 0; i < DashboardEntry.COLUMNS.size(); i++) {
            Object value = values.get(i);
            object.put(DashboardEntry.COLUMNS.get(i), value instanceof java.time.Instant ? value.toString() : value);
        }
        object.put("fields", entry.fields());
        write((first ? "" : ",\n") + json.writeValueAsString(object));
        first = false;
    }

    public void finish() {
        if (format == ExportFormat.JSON) {
            write("\n]}\n");
        }
    }

    static String csvLine(List<?> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = values.get(i);
            String text = value == null ? "" : value.toString();
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            line.append(text);
        }
        return line.append("\r\n").toString();
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
