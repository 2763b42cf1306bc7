package nl.verzuimhub.core.rules;

/** Why a V3/V4 report's hours and period cannot add up under the 16-hours-in-4-school-weeks rule. */
public enum PlausibilityProblem {
    /** The report gives no hours, so the threshold cannot be checked. */
    HOURS_MISSING,
    /** Fewer than 16 hours: below the threshold the report claims to meet. */
    HOURS_BELOW_THRESHOLD,
    /** The period holds more than 4 school weeks (20 school days): not one window. */
    PERIOD_LONGER_THAN_FOUR_SCHOOL_WEEKS,
    /** More hours than the period's school days can hold at {@value ReportPlausibility#MAX_HOURS_PER_SCHOOL_DAY} a day. */
    HOURS_EXCEED_SCHOOL_TIME
}
