package nl.verzuimhub.server.statistics;

import java.util.List;

/** The charts of the statistics pages, from tables as the caller may see them (suppressed cells stay hidden). */
final class StatisticsCharts {
    /** The indicators compared across municipalities on the statistics recipient's page. */
    static final List<String> COMPARED = List.of("absoluteAbsence", "lrv", "thuiszitters", "exemption.5a");

    private StatisticsCharts() {
    }

    /** The table's counts (pupils and cases) as bars. */
    static String counts(StatisticsTable table) {
        return BarChart.svg("chart-counts", "Aantallen " + table.schoolYear(), table.indicators().stream()
                .filter(cell -> !StatisticsTable.inDays(cell)).map(StatisticsCharts::bar).toList(), table.threshold());
    }

    /** The table's doorloopsnelheid (days) as bars. */
    static String days(StatisticsTable table) {
        return BarChart.svg("chart-days", "Doorloopsnelheid in dagen " + table.schoolYear(), table.indicators().stream()
                .filter(StatisticsTable::inDays).map(StatisticsCharts::bar).toList(), table.threshold());
    }

    /** One indicator across tables (municipalities): one bar per table. */
    static String across(String indicator, List<StatisticsTable> tables) {
        String label = tables.stream().flatMap(t -> t.indicators().stream()).filter(c -> c.id().equals(indicator))
                .map(StatisticsTable.Cell::label).findFirst().orElse(indicator);
        int threshold = tables.isEmpty() ? 0 : tables.get(0).threshold();
        return BarChart.svg("chart-" + indicator.replace('.', '-'), label, tables.stream()
                .flatMap(table -> table.indicators().stream().filter(c -> c.id().equals(indicator))
                        .map(c -> new BarChart.Bar(table.groupCode(), table.groupCode(), c.value(), c.suppressed())))
                .toList(), threshold);
    }

    private static BarChart.Bar bar(StatisticsTable.Cell cell) {
        return new BarChart.Bar(cell.id(), cell.label(), cell.value(), cell.suppressed());
    }
}
