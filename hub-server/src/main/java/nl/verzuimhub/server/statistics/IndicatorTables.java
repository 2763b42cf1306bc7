package nl.verzuimhub.server.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.verzuimhub.core.calendar.HolidayRegion;
import nl.verzuimhub.core.calendar.SchoolCalendar;
import nl.verzuimhub.core.calendar.SchoolYear;
import nl.verzuimhub.core.record.ExemptionArticle;
import nl.verzuimhub.core.record.RegisterRecord;
import nl.verzuimhub.core.rules.Durations;
import nl.verzuimhub.core.rules.EpisodeKind;
import nl.verzuimhub.core.statistics.Cell;
import nl.verzuimhub.core.statistics.Indicators;
import nl.verzuimhub.core.statistics.LeerplichttellingCalculator;
import nl.verzuimhub.core.statistics.SmallCellSuppression;

/**
 * Turns hub-core's leerplichttelling ({@link LeerplichttellingCalculator}) into the tables the API and pages serve,
 * suppressing small cells with hub-core's {@link SmallCellSuppression} when asked. Counts nothing itself. Plain class.
 *
 * <p>Cells, in order: hub-core's {@link Indicators#cells()} (unit {@code pupils}), then per episode kind (LRV,
 * absolute absence) the doorloopsnelheid: episodes closed in the year and still open at its end (unit {@code cases}),
 * and the mean and median days of the closed ones (unit {@code days}). When suppressing, the mean and median are
 * withheld whenever the number of closed episodes they average is.
 *
 * <p>School years: those the school calendar covers that have started by today (Europe/Amsterdam); a running year is
 * counted up to today.
 */
final class IndicatorTables {
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Map<String, String> LABELS = labels();

    private final LeerplichttellingCalculator calculator;
    private final SmallCellSuppression suppression = new SmallCellSuppression();
    private final Clock clock;

    IndicatorTables(LeerplichttellingCalculator calculator, Clock clock) {
        this.calculator = calculator;
        this.clock = clock;
    }

    /** A count over a period, for the partnership's trends. */
    record Count(String key, String label, Long value, boolean suppressed) {
        BarChart.Bar bar() {
            return new BarChart.Bar(key, label, value, suppressed);
        }
    }

    int threshold() {
        return SmallCellSuppression.DEFAULT_THRESHOLD;
    }

    List<SchoolYear> knownSchoolYears() {
        SchoolCalendar calendar = SchoolCalendar.of(HolidayRegion.MIDDEN);
        LocalDate last = today().isBefore(calendar.lastCoveredDay()) ? today() : calendar.lastCoveredDay();
        List<SchoolYear> years = new ArrayList<>();
        for (SchoolYear year = SchoolYear.containing(calendar.firstCoveredDay());
             !year.firstDay().isAfter(last); year = year.next()) {
            years.add(year);
        }
        return years;
    }

    StatisticsTable table(StatisticsGroup group, SchoolYear year, List<RegisterRecord> records, boolean suppress) {
        Indicators indicators = calculator.calculate(records, year, today());
        Map<String, Long> counts = new LinkedHashMap<>(indicators.cells());
        Map<String, String> units = new LinkedHashMap<>();
        counts.keySet().forEach(name -> units.put(name, "pupils"));
        Map<String, Double> days = new LinkedHashMap<>();
        for (EpisodeKind kind : List.of(EpisodeKind.LRV, EpisodeKind.ABSOLUTE_ABSENCE)) {
            String prefix = "doorloopsnelheid." + (kind == EpisodeKind.LRV ? "lrv" : "absoluteAbsence") + ".";
            Durations closed = indicators.doorloopsnelheid().closed().getOrDefault(kind, Durations.NONE);
            Durations open = indicators.doorloopsnelheid().open().getOrDefault(kind, Durations.NONE);
            counts.put(prefix + "closed", (long) closed.count());
            counts.put(prefix + "open", (long) open.count());
            units.put(prefix + "closed", "cases");
            units.put(prefix + "open", "cases");
            days.put(prefix + "meanDays", closed.meanDays());
            days.put(prefix + "medianDays", closed.medianDays());
        }
        Map<String, Cell> cells = suppress ? suppression.suppress(counts) : null;
        List<StatisticsTable.Cell> result = new ArrayList<>();
        counts.forEach((name, value) -> {
            boolean hidden = cells != null && cells.get(name).suppressed();
            result.add(new StatisticsTable.Cell(name, LABELS.getOrDefault(name, name), hidden ? null : value,
                    units.get(name), hidden));
            if (name.endsWith(".closed")) {
                String prefix = name.substring(0, name.length() - "closed".length());
                for (String measure : List.of("meanDays", "medianDays")) {
                    Double average = days.get(prefix + measure);
                    result.add(new StatisticsTable.Cell(prefix + measure, LABELS.get(prefix + measure),
                            hidden ? null : average, "days", hidden));
                }
            }
        });
        return new StatisticsTable(year.toString(), group.type(), group.code(), suppress, threshold(), result);
    }

    /** Pupils with a 5 onder a exemption in force in each known school year. */
    List<Count> exemptions5aPerSchoolYear(List<RegisterRecord> records, boolean suppress) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SchoolYear year : knownSchoolYears()) {
            counts.put(year.toString(), calculator.calculate(records, year, today()).exemptions()
                    .get(ExemptionArticle.ART_5A));
        }
        return counts(counts, suppress, key -> key);
    }

    /**
     * Per month of {@code year} up to today: pupils with a 5 onder a exemption in force on some day from 1 August to
     * the month's end (the leerplichttelling counted up to that day, so the series only rises).
     */
    List<Count> exemptions5aPerMonth(List<RegisterRecord> records, SchoolYear year, boolean suppress) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(year.firstDay()); !month.atDay(1).isAfter(year.lastDay())
                && !month.atDay(1).isAfter(today()); month = month.plusMonths(1)) {
            counts.put(month.toString(), calculator.calculate(records, year, month.atEndOfMonth()).exemptions()
                    .get(ExemptionArticle.ART_5A));
        }
        return counts(counts, suppress, key -> "t/m " + key);
    }

    private List<Count> counts(Map<String, Long> counts, boolean suppress,
                               java.util.function.UnaryOperator<String> label) {
        Map<String, Cell> cells = suppress ? suppression.suppress(counts) : null;
        List<Count> result = new ArrayList<>();
        counts.forEach((key, value) -> {
            boolean hidden = cells != null && cells.get(key).suppressed();
            result.add(new Count(key, label.apply(key), hidden ? null : value, hidden));
        });
        return result;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("absoluteAbsence", "Absoluut verzuim");
        labels.put("absoluteAbsenceOverThreeMonths", "Absoluut verzuim langer dan 3 maanden");
        labels.put("lrv", "Langdurig relatief verzuim (LRV)");
        labels.put("lrvOverThreeMonths", "LRV langer dan 3 maanden");
        for (ExemptionArticle article : ExemptionArticle.values()) {
            labels.put("exemption." + article.code(), "Vrijstelling art. " + article.code());
        }
        labels.put("pupilsWithReport", "Leerlingen met ten minste een verzuimmelding");
        labels.put("thuiszitters", "Thuiszitters");
        for (String kind : List.of("lrv", "absoluteAbsence")) {
            String name = kind.equals("lrv") ? "LRV" : "absoluut verzuim";
            labels.put("doorloopsnelheid." + kind + ".closed", "Afgesloten episodes " + name);
            labels.put("doorloopsnelheid." + kind + ".meanDays", "Doorloopsnelheid " + name + ", gemiddeld (dagen)");
            labels.put("doorloopsnelheid." + kind + ".medianDays", "Doorloopsnelheid " + name + ", mediaan (dagen)");
            labels.put("doorloopsnelheid." + kind + ".open", "Open episodes " + name + " aan het eind");
        }
        return Map.copyOf(labels);
    }
}
