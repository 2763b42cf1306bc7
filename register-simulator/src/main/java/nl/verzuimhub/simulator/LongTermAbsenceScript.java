package nl.verzuimhub.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.simulator.SimulatorCalendar.Days;

/**
 * Plans a calibrated long-term relative absence report (LRV) whose duration is fixed by its {@link Episode}.
 *
 * <p>Contracts: the pupil is absent every school day from the start; the school files the report after 20 to 24 such
 * days (4 school weeks, the LRV threshold), open-ended, with the days counted so far. Lifecycle: NIEUW
 * (GEREGISTREERD); for {@link Episode#WITHDRAWN} INGETROKKEN 1 to 5 school days later; otherwise GEWIJZIGD to
 * IN_BEHANDELING 1 to 8 working days later, GEWIJZIGD updates of the day count every 15 to 30 working days while the
 * pupil stays away, and AFGESLOTEN with a closing reason, the last absent school day as the period's end and the days
 * absent, 1 to 10 working days after the pupil returned. A {@link Episode#SHORT} report ends by start + 3 months -
 * 14 days and closes within the school year; a {@link Episode#LONG} one ends after start + 3 months + 21 days, or
 * (about a third) is still open when the year ends. Every step falls on or before 31 July.
 */
final class LongTermAbsenceScript {
    /** The latest start of a short report, so that it is filed, taken up and closed within the year. */
    private static final LocalDate LATEST_SHORT_START = LocalDate.of(2025, 4, 11);
    /** The latest start of a long report: open ones still pass 3 months + 21 days by 31 July. */
    private static final LocalDate LATEST_LONG_START = LocalDate.of(2025, 3, 14);
    /** The latest last absent day of a closed long report, so that it closes before the summer holiday. */
    private static final LocalDate LATEST_LONG_END = LocalDate.of(2025, 7, 4);

    private final SimulatorCalendar calendar = SimulatorCalendar.INSTANCE;

    AbsenceReportHistory plan(PupilProfile profile, SplittableRandom rng, Episode episode) {
        Days days = calendar.schoolDays(profile.holidayRegion());
        Days working = calendar.workingDays();
        int first = days.indexOnOrAfter(SimulatorCalendar.FIRST_DAY);
        int start = Draw.between(rng, first + 5,
                days.indexOnOrBefore(episode == Episode.LONG ? LATEST_LONG_START : LATEST_SHORT_START));
        LocalDate startDate = days.get(start);
        int reportIndex = start + Draw.between(rng, 20, 24);
        LocalDate reportedOn = days.get(reportIndex);
        Period open = new Period(startDate, null);
        List<AbsenceReportHistory.Version> versions = new ArrayList<>();
        versions.add(new AbsenceReportHistory.Version(AbsenceReportScript.step(rng, reportedOn, MutationAction.NIEUW),
                ReportStatus.GEREGISTREERD, null, open, null, reportIndex - start));
        if (episode == Episode.WITHDRAWN) {
            versions.add(new AbsenceReportHistory.Version(AbsenceReportScript.step(rng,
                    days.plus(reportedOn, Draw.between(rng, 1, 5)), MutationAction.INGETROKKEN),
                    ReportStatus.INGETROKKEN, null, open, null, reportIndex - start));
            return AbsenceReportScript.history(rng, profile, AbsenceType.LRV, true, reportedOn, versions);
        }
        LocalDate day = working.plus(reportedOn, Draw.between(rng, 1, 8));
        versions.add(new AbsenceReportHistory.Version(AbsenceReportScript.step(rng, day, MutationAction.GEWIJZIGD),
                ReportStatus.IN_BEHANDELING, null, open, null, reportIndex - start));
        int lastAbsent = lastAbsentDay(rng, days, episode, start, reportIndex);
        LocalDate returned = lastAbsent < 0 ? SimulatorCalendar.LAST_DAY.plusDays(1) : days.get(lastAbsent + 1);
        while (true) {
            LocalDate update = working.plus(day, Draw.between(rng, 15, 30));
            if (!update.isBefore(returned) || update.isAfter(SimulatorCalendar.LAST_DAY)) {
                break;
            }
            day = update;
            versions.add(new AbsenceReportHistory.Version(AbsenceReportScript.step(rng, day,
                    MutationAction.GEWIJZIGD), ReportStatus.IN_BEHANDELING, null, open, null,
                    days.indexOnOrAfter(day) - start));
        }
        if (lastAbsent >= 0) {
            LocalDate closed = working.plus(returned.isAfter(day) ? returned : day, Draw.between(rng, 1, 10));
            versions.add(new AbsenceReportHistory.Version(AbsenceReportScript.step(rng, closed,
                    MutationAction.GEWIJZIGD), ReportStatus.AFGESLOTEN, AbsenceReportScript.closingReason(rng,
                    AbsenceType.LRV), new Period(startDate, days.get(lastAbsent)), null, lastAbsent - start + 1));
        }
        return AbsenceReportScript.history(rng, profile, AbsenceType.LRV, true, reportedOn, versions);
    }

    /** The index of the last absent school day, or -1 when the pupil is still away at the end of the year. */
    private static int lastAbsentDay(SplittableRandom rng, Days days, Episode episode, int start, int reportIndex) {
        LocalDate startDate = days.get(start);
        if (episode == Episode.SHORT) {
            int latest = days.indexOnOrBefore(Episode.latestShortEnd(startDate));
            return Draw.between(rng, reportIndex - 1, Math.max(reportIndex - 1, latest));
        }
        if (Draw.chance(rng, 0.35)) {
            return -1;
        }
        int earliest = days.indexOnOrAfter(Episode.earliestLongEnd(startDate));
        int latest = days.indexOnOrBefore(Episode.latestLongEnd(startDate, LATEST_LONG_END));
        return Draw.between(rng, earliest, Math.max(earliest, latest));
    }
}
