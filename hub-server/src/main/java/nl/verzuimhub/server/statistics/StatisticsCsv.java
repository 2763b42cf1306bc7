package nl.verzuimhub.server.statistics;

import java.util.List;

/**
 * Statistics as CSV (RFC 4180, UTF-8, CRLF), one line per group and indicator:
 * {@code school_year,group_type,group_code,indicator,label,value,unit,suppressed}. A suppressed value is empty with
 * {@code suppressed} true; numbers use a dot.
 */
final class StatisticsCsv {
    static final String HEADER = "school_year,group_type,group_code,indicator,label,value,unit,suppressed";

    private StatisticsCsv() {
    }

    static String write(List<StatisticsTable> tables) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (StatisticsTable table : tables) {
            for (StatisticsTable.Cell cell : table.indicators()) {
                csv.append(table.schoolYear()).append(',').append(table.groupType()).append(',')
                        .append(field(table.groupCode())).append(',').append(field(cell.id())).append(',')
                        .append(field(cell.label())).append(',')
                        .append(cell.value() == null ? "" : cell.value().toString()).append(',').append(cell.unit()).append(',')
                        .append(cell.suppressed()).append("\r\n");
            }
        }
        return csv.toString();
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
