package nl.verzuimhub.core.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.verzuimhub.core.calendar.SchoolDays;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.ReportStatus;

/**
 * Checks whether a V3/V4 report's hours and period can add up under the 16-hours-in-4-school-weeks rule
 * ({@link SixteenHourWindow}).
 *
 * <p>Contract: returns flags, never throws for a report's content and never rejects it; other absence types and
 * withdrawn reports give no flags. An open period (no end date) is only checked for its hours. The
 * {@value #MAX_HOURS_PER_SCHOOL_DAY}-hours-a-day ceiling is a design choice (a long secondary-school day), stated in
 * docs/rules.md.
 */
public final class ReportPlausibility {
    public static final int MAX_HOURS_PER_SCHOOL_DAY = 8;

    private ReportPlausibility() {
    }

    /** The flags for {@code report}, judged on {@code calendar}'s school days; empty when it adds up. */
    public static List<PlausibilityFlag> check(AbsenceReport report, SchoolDays calendar) {
        List<PlausibilityFlag> flags = new ArrayList<>();
        if ((report.absenceType() != AbsenceType.V3 && report.absenceType() != AbsenceType.V4)
                || report.status() == ReportStatus.INGETROKKEN) {
            return flags;
        }
        BigDecimal hours = report.hours();
        if (hours == null) {
            flags.add(new PlausibilityFlag(PlausibilityProblem.HOURS_MISSING, "the report gives no hours"));
        } else if (hours.compareTo(BigDecimal.valueOf(SixteenHourWindow.THRESHOLD_HOURS)) < 0) {
            flags.add(new PlausibilityFlag(PlausibilityProblem.HOURS_BELOW_THRESHOLD,
                    hours.toPlainString() + " hours, fewer than " + SixteenHourWindow.THRESHOLD_HOURS));
        }
        if (report.period().end() != null) {
            int schoolDays = calendar.countBetween(report.period().start(), report.period().end());
            if (schoolDays > SixteenHourWindow.WINDOW_SCHOOL_DAYS) {
                flags.add(new PlausibilityFlag(PlausibilityProblem.PERIOD_LONGER_THAN_FOUR_SCHOOL_WEEKS,
                        "period " + report.period().start() + " to " + report.period().end() + " holds " + schoolDays
                                + " school days, more than " + SixteenHourWindow.WINDOW_SCHOOL_DAYS));
            }
            if (hours != null && hours.compareTo(BigDecimal.valueOf((long) schoolDays * MAX_HOURS_PER_SCHOOL_DAY)) > 0) {
                flags.add(new PlausibilityFlag(PlausibilityProblem.HOURS_EXCEED_SCHOOL_TIME,
                        hours.toPlainString() + " hours in " + schoolDays + " school days, more than "
                                + MAX_HOURS_PER_SCHOOL_DAY + " a day"));
            }
        }
        return flags;
    }
}
