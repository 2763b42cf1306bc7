package nl.verzuimhub.policies;

import java.time.LocalDate;
import java.util.List;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.SickReport;

/**
 * The M@ZL criterion (Medische advisering van de ziekgemelde leerling) as the domain brief states it: a sick report
 * reaches the youth doctor when
 * <ol>
 *   <li>it lasts <b>more than 6 consecutive school days</b> (an open report counts up to the date it was last
 *       changed, so that the decision never depends on the clock), or</li>
 *   <li>it is the pupil's <b>4th sick report within 12 school weeks</b>: with this one, at least 4 sick reports
 *       start within the 60 school days that end on this report's start.</li>
 * </ol>
 * School days come from the {@link SchoolCalendar}; with the default calendar, Monday to Friday.
 */
public final class MazlCriterion {
    public static final int MAX_CONSECUTIVE_SCHOOL_DAYS = 6;
    public static final int REPORTS = 4;
    public static final int SCHOOL_WEEKS = 12;
    private static final int SCHOOL_DAYS_PER_WEEK = 5;

    private MazlCriterion() {
    }

    public static boolean holds(SickReport report, List<Period> otherSickReports, SchoolCalendar calendar) {
        return longerThanSixSchoolDays(report, calendar) || fourWithinTwelveSchoolWeeks(report, otherSickReports, calendar);
    }

    /**
     * As {@link #holds(SickReport, List, SchoolCalendar)} with the pupil's history from {@code facts}, which is read
     * only when the report itself does not last long enough: the condition as the engine evaluates it.
     */
    public static boolean holds(SickReport report, DecisionFacts facts) {
        return longerThanSixSchoolDays(report, facts.calendar())
                || fourWithinTwelveSchoolWeeks(report, facts.otherSickReports(report), facts.calendar());
    }

    /** Which part holds, in words, or null when neither does. */
    public static String why(SickReport report, List<Period> otherSickReports, SchoolCalendar calendar) {
        if (longerThanSixSchoolDays(report, calendar)) {
            return "the sick report lasts more than " + MAX_CONSECUTIVE_SCHOOL_DAYS + " consecutive school days";
        }
        if (fourWithinTwelveSchoolWeeks(report, otherSickReports, calendar)) {
            return "it is at least the " + REPORTS + "th sick report within " + SCHOOL_WEEKS + " school weeks";
        }
        return null;
    }

    static boolean longerThanSixSchoolDays(SickReport report, SchoolCalendar calendar) {
        LocalDate end = report.period().end() != null ? report.period().end() : report.lastChanged().toLocalDate();
        int schoolDays = 0;
        for (LocalDate day = report.period().start(); !day.isAfter(end); day = day.plusDays(1)) {
            if (calendar.isSchoolDay(day) && ++schoolDays > MAX_CONSECUTIVE_SCHOOL_DAYS) {
                return true;
            }
        }
        return false;
    }

    static boolean fourWithinTwelveSchoolWeeks(SickReport report, List<Period> others, SchoolCalendar calendar) {
        if (others.size() < REPORTS - 1) {
            return false;
        }
        LocalDate start = report.period().start();
        LocalDate windowStart = start;
        int schoolDays = calendar.isSchoolDay(start) ? 1 : 0;
        while (schoolDays < SCHOOL_WEEKS * SCHOOL_DAYS_PER_WEEK) {
            windowStart = windowStart.minusDays(1);
            if (calendar.isSchoolDay(windowStart)) {
                schoolDays++;
            }
        }
        int count = 1;
        for (Period other : others) {
            if (!other.start().isBefore(windowStart) && !other.start().isAfter(start)) {
                count++;
            }
        }
        return count >= REPORTS;
    }
}
