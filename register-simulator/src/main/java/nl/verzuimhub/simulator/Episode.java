package nl.verzuimhub.simulator;

import java.time.LocalDate;

/**
 * How a calibrated long-term relative absence (LRV) or absolute-absence (AV) case must turn out, so that the
 * leerplichttelling's "more than 3 months" split lands by construction instead of by chance.
 *
 * <p>Contracts: a {@link #SHORT} episode is closed within the school year and ends no later than
 * {@link #latestShortEnd(LocalDate)} (start + 3 months - 14 days); a {@link #LONG} episode ends no earlier than
 * {@link #earliestLongEnd(LocalDate)} (start + 3 months + 21 days), or is still open at the end of the school year
 * while having started before that date's counterpart, so that it lasts more than 3 months whether the threshold is
 * counted in calendar months, 13 weeks or 90 days, with or without holidays; a {@link #WITHDRAWN} case is filed and
 * withdrawn (INGETROKKEN) soon after, and so counts in no indicator.
 */
enum Episode {
    SHORT, LONG, WITHDRAWN;

    /** The last day a {@link #SHORT} episode starting on {@code start} may end. */
    static LocalDate latestShortEnd(LocalDate start) {
        return start.plusMonths(3).minusDays(14);
    }

    /** The first day a {@link #LONG} episode starting on {@code start} may end. */
    static LocalDate earliestLongEnd(LocalDate start) {
        return start.plusMonths(3).plusDays(21);
    }

    /** The last day a {@link #LONG} episode starting on {@code start} may end: 10 months on, not after {@code cap}. */
    static LocalDate latestLongEnd(LocalDate start, LocalDate cap) {
        LocalDate tenMonths = start.plusMonths(10);
        return tenMonths.isBefore(cap) ? tenMonths : cap;
    }

    /** The latest start of a {@link #LONG} episode that is still open on {@code lastDay}. */
    static LocalDate latestOpenLongStart(LocalDate lastDay) {
        return lastDay.minusDays(21).minusMonths(3);
    }
}
