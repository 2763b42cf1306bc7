package nl.verzuimhub.policies;

import java.util.List;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.SickReport;
import nl.verzuimhub.core.rules.MazlRule;

/**
 * The M@ZL criterion as the policy engine's condition: a thin adapter over hub-core's {@link MazlRule}, which holds
 * the logic and its contract (more than 6 consecutive school days, or the 4th sick report within 12 school weeks).
 * School days come from the {@link SchoolCalendar}: Monday to Friday by default, the pupil's regional calendar in the
 * hub (see {@link DecisionFacts#calendar(nl.verzuimhub.core.record.RegisterRecord)}).
 */
public final class MazlCriterion {
    public static final int MAX_CONSECUTIVE_SCHOOL_DAYS = MazlRule.MAX_CONSECUTIVE_SCHOOL_DAYS;
    public static final int REPORTS = MazlRule.REPORTS;
    public static final int SCHOOL_WEEKS = MazlRule.SCHOOL_WEEKS;

    private MazlCriterion() {
    }

    public static boolean holds(SickReport report, List<Period> otherSickReports, SchoolCalendar calendar) {
        return MazlRule.holds(report, otherSickReports, calendar);
    }

    /**
     * As {@link #holds(SickReport, List, SchoolCalendar)} with the pupil's history and calendar from {@code facts};
     * the history is read only when the report itself does not last long enough: the condition as the engine
     * evaluates it.
     */
    public static boolean holds(SickReport report, DecisionFacts facts) {
        SchoolCalendar calendar = facts.calendar(report);
        return MazlRule.longerThanSixSchoolDays(report, calendar)
                || MazlRule.fourWithinTwelveSchoolWeeks(report, facts.otherSickReports(report), calendar);
    }

    /** Which part holds, in words, or null when neither does. */
    public static String why(SickReport report, List<Period> otherSickReports, SchoolCalendar calendar) {
        return MazlRule.why(report, otherSickReports, calendar);
    }

    static boolean longerThanSixSchoolDays(SickReport report, SchoolCalendar calendar) {
        return MazlRule.longerThanSixSchoolDays(report, calendar);
    }

    static boolean fourWithinTwelveSchoolWeeks(SickReport report, List<Period> others, SchoolCalendar calendar) {
        return MazlRule.fourWithinTwelveSchoolWeeks(report, others, calendar);
    }
}
