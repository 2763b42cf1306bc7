package nl.verzuimhub.core.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.verzuimhub.core.calendar.SchoolDays;

/**
 * 16 hours in 4 school weeks (Lpw art. 21): when a pupil's unauthorised absence reaches 16 hours within 4 consecutive
 * school weeks, the school must report (V3 under 18, V4 from 18).
 *
 * <p>Contract: the window ending on day D holds the {@value #WINDOW_SCHOOL_DAYS} school days up to and including D
 * (4 school weeks of 5 school days; weekends, public holidays and the region's school holidays are not counted, so a
 * holiday stretches the window in calendar terms). Walking through the absence days in date order, a report is due
 * on the first day on which the hours in the window reach {@value #THRESHOLD_HOURS}; it runs from the first absence
 * day counted to that day. Counting then restarts the day after the report's end: hours on or before it never count
 * again, so several reports within 4 weeks are possible.
 *
 * <p>Worked example (domain.md): 3, 2, 4, 3, 2, 3 hours on 3, 5, 9, 18, 24, 27 September 2024 give one report 3-27
 * September, 17 hours, 6 days; with the last 3 hours on 1 October instead, 3 September has left the window (14 hours)
 * and no report is due.
 */
public final class SixteenHourWindow {
    public static final int THRESHOLD_HOURS = 16;
    public static final int WINDOW_SCHOOL_DAYS = 20;
    private static final BigDecimal THRESHOLD = BigDecimal.valueOf(THRESHOLD_HOURS);

    private SixteenHourWindow() {
    }

    /** The reports due for {@code absences} (any order; several entries on one day add up). */
    public static List<WindowReport> reports(List<AbsenceHours> absences, SchoolDays calendar) {
        List<AbsenceHours> sorted = new ArrayList<>(absences);
        sorted.sort(Comparator.comparing(AbsenceHours::date));
        List<WindowReport> reports = new ArrayList<>();
        LocalDate restart = null;
        for (int i = 0; i < sorted.size(); i++) {
            LocalDate day = sorted.get(i).date();
            if (i + 1 < sorted.size() && sorted.get(i + 1).date().equals(day)) {
                continue;
            }
            LocalDate floor = restart != null && restart.isAfter(sorted.get(0).date()) ? restart : sorted.get(0).date();
            LocalDate windowStart = MazlRule.windowStart(day, WINDOW_SCHOOL_DAYS, calendar, floor);
            BigDecimal total = BigDecimal.ZERO;
            LocalDate first = null;
            List<LocalDate> days = new ArrayList<>();
            for (int j = 0; j <= i; j++) {
                AbsenceHours absence = sorted.get(j);
                if (!absence.date().isBefore(windowStart)) {
                    total = total.add(absence.hours());
                    first = first == null ? absence.date() : first;
                    if (!days.contains(absence.date())) {
                        days.add(absence.date());
                    }
                }
            }
            if (total.compareTo(THRESHOLD) >= 0) {
                reports.add(new WindowReport(first, day, total, days.size()));
                restart = day.plusDays(1);
            }
        }
        return reports;
    }

    /** The hours within the window that ends on {@code day}, with no earlier report (no restart). */
    public static BigDecimal hoursInWindow(List<AbsenceHours> absences, LocalDate day, SchoolDays calendar) {
        LocalDate earliest = day;
        for (AbsenceHours absence : absences) {
            earliest = absence.date().isBefore(earliest) ? absence.date() : earliest;
        }
        LocalDate windowStart = MazlRule.windowStart(day, WINDOW_SCHOOL_DAYS, calendar, earliest);
        BigDecimal total = BigDecimal.ZERO;
        for (AbsenceHours absence : absences) {
            if (!absence.date().isBefore(windowStart) && !absence.date().isAfter(day)) {
                total = total.add(absence.hours());
            }
        }
        return total;
    }
}
