package nl.verzuimhub.core.rules;

import java.time.LocalDate;
import java.util.List;
import nl.verzuimhub.core.calendar.SchoolDays;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.SickReport;

/**
 * The M@ZL criterion (Medische advisering van de ziekgemelde leerling): a sick report reaches the youth doctor when
 * <ol>
 *   <li>it lasts <b>more than 6 consecutive school days</b> (an open report counts up to the date it was last
 *       changed, so that the decision never depends on the clock), or</li>
 *   <li>it is the pupil's <b>4th sick report within 12 school weeks</b>: with this one, at least 4 sick reports
 *       start within the 60 school days that end on this report's start (5 school days make a school week).</li>
 * </ol>
 * School days come from the {@link SchoolDays} passed in: the pupil's regional {@code SchoolCalendar}, so a report
 * spanning a school holiday counts only the days school was open. A calendar that throws for a date outside its
 * coverage makes this rule throw; wrap it (e.g. {@code SchoolCalendar.orWeekdaysOutsideCoverage()}) to fall back.
 */
public final class MazlRule {
    public static final int MAX_CONSECUTIVE_SCHOOL_DAYS = 6;
    public static final int REPORTS = 4;
    public static final int SCHOOL_WEEKS = 12;
    public static final int SCHOOL_DAYS_PER_WEEK = 5;

    private MazlRule() {
    }

    /** Whether either part of the criterion holds. */
    public static boolean holds(SickReport report, List<Period> otherSickReports, SchoolDays calendar) {
        return longerThanSixSchoolDays(report, calendar)
                || fourWithinTwelveSchoolWeeks(report, otherSickReports, calendar);
    }

    /** Which part holds, in words, or null when neither does. */
    public static String why(SickReport report, List<Period> otherSickReports, SchoolDays calendar) {
        if (longerThanSixSchoolDays(report, calendar)) {
            return "the sick report lasts more than " + MAX_CONSECUTIVE_SCHOOL_DAYS + " consecutive school days";
        }
        if (fourWithinTwelveSchoolWeeks(report, otherSickReports, calendar)) {
            return "it is at least the " + REPORTS + "th sick report within " + SCHOOL_WEEKS + " school weeks";
        }
        return null;
    }

    /** Part 1: more than 6 school days from the report's start to its end (or its last change while open). */
    public static boolean longerThanSixSchoolDays(SickReport report, SchoolDays calendar) {
        LocalDate end = report.period().end() != null ? report.period().end() : report.lastChanged().toLocalDate();
        int schoolDays = 0;
        for (LocalDate day = report.period().start(); !day.isAfter(end); day = day.plusDays(1)) {
            if (calendar.isSchoolDay(day) && ++schoolDays > MAX_CONSECUTIVE_SCHOOL_DAYS) {
                return true;
            }
        }
        return false;
    }

    /**
     * Part 2: with {@code report}, at least 4 of the pupil's sick reports start within the 60 school days ending on
     * {@code report}'s start. {@code others} are the periods of the pupil's other (not withdrawn) sick reports.
     */
    public static boolean fourWithinTwelveSchoolWeeks(SickReport report, List<Period> others, SchoolDays calendar) {
        if (others.size() < REPORTS - 1) {
            return false;
        }
        LocalDate start = report.period().start();
        LocalDate earliest = start;
        for (Period other : others) {
            earliest = other.start().isBefore(earliest) ? other.start() : earliest;
        }
        LocalDate windowStart = windowStart(start, SCHOOL_WEEKS * SCHOOL_DAYS_PER_WEEK, calendar, earliest);
        int count = 1;
        for (Period other : others) {
            if (!other.start().isBefore(windowStart) && !other.start().isAfter(start)) {
                count++;
            }
        }
        return count >= REPORTS;
    }

    /**
     * The first day of the window of {@code schoolDays} school days that ends on {@code last} (inclusive): walking
     * back from {@code last}, the day on which the count of school days reaches {@code schoolDays}. When {@code last}
     * itself is no school day the window still ends on it and holds the {@code schoolDays} school days before it.
     */
    public static LocalDate windowStart(LocalDate last, int schoolDays, SchoolDays calendar) {
        return windowStart(last, schoolDays, calendar, LocalDate.MIN);
    }

    /**
     * As {@link #windowStart(LocalDate, int, SchoolDays)}, but walking back no further than {@code floor}: when the
     * window would start before it, {@code floor} is returned. Callers pass the earliest date they will compare with
     * (e.g. the first absence), so the answer is the same for them and the calendar is never asked about days that
     * cannot matter (such as days before its coverage).
     */
    public static LocalDate windowStart(LocalDate last, int schoolDays, SchoolDays calendar, LocalDate floor) {
        LocalDate windowStart = last;
        int counted = calendar.isSchoolDay(last) ? 1 : 0;
        while (counted < schoolDays && windowStart.isAfter(floor)) {
            windowStart = windowStart.minusDays(1);
            if (calendar.isSchoolDay(windowStart)) {
                counted++;
            }
        }
        return windowStart;
    }
}
