package nl.verzuimhub.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.simulator.SimulatorCalendar.Days;

/**
 * Plans the register's absolute-absence signal for a pupil of compulsory school age (5 to 17) who is enrolled
 * nowhere: either from the start of the school year (found when schools reopen) or from the day they left their
 * school. About half carry the last school.
 *
 * <p>Lifecycle: NIEUW (GEREGISTREERD) in the register's early batch run on a working day; GEWIJZIGD to
 * IN_BEHANDELING a few working days later; about two thirds AFGESLOTEN with an end date when the child is enrolled
 * again (the rest stay open, some past 3 months); about 5% withdrawn (INGETROKKEN) soon after being filed.
 *
 * <p>A calibrated signal ({@link #plan(PupilProfile, SplittableRandom, Episode)}) has the same lifecycle, but its
 * {@link Episode} decides whether it is withdrawn, closed within 3 months, or lasts more than 3 months (about a third
 * of those still open when the school year ends); every step falls within the school year.
 */
final class AbsoluteAbsenceScript {
    /** The latest start of a calibrated short signal: it still closes, 3 months later at most, within the year. */
    private static final LocalDate LATEST_SHORT_START = LocalDate.of(2025, 4, 11);
    /** The latest start of a calibrated long signal: open ones still pass 3 months + 21 days by 31 July. */
    private static final LocalDate LATEST_LONG_START = LocalDate.of(2025, 3, 14);
    /** The latest end of a closed calibrated long signal, so that its closing step falls within the year. */
    private static final LocalDate LATEST_LONG_END = LocalDate.of(2025, 7, 18);

    private final SimulatorCalendar calendar = SimulatorCalendar.INSTANCE;

    static boolean eligible(int age) {
        return age >= 5 && age <= 17;
    }

    RecordHistory plan(PupilProfile profile, SplittableRandom rng) {
        Days working = calendar.workingDays();
        boolean fromYearStart = Draw.chance(rng, 0.4);
        LocalDate start;
        LocalDate filed;
        if (fromYearStart) {
            start = SimulatorCalendar.FIRST_DAY;
            filed = working.random(rng, LocalDate.of(2024, 9, 2), LocalDate.of(2024, 10, 15));
        } else {
            start = calendar.schoolDays(profile.holidayRegion())
                    .random(rng, LocalDate.of(2024, 9, 16), LocalDate.of(2025, 4, 30));
            filed = working.plus(start, Draw.between(rng, 5, 20));
        }
        List<AbsoluteAbsenceHistory.Version> versions = new ArrayList<>();
        Period open = new Period(start, null);
        versions.add(new AbsoluteAbsenceHistory.Version(batch(rng, filed, MutationAction.NIEUW), open,
                ReportStatus.GEREGISTREERD));
        if (Draw.chance(rng, 0.05)) {
            versions.add(new AbsoluteAbsenceHistory.Version(office(rng, working.plus(filed, Draw.between(rng, 1, 10)),
                    MutationAction.INGETROKKEN), open, ReportStatus.INGETROKKEN));
        } else {
            LocalDate taken = working.plus(filed, Draw.between(rng, 2, 10));
            versions.add(new AbsoluteAbsenceHistory.Version(office(rng, taken, MutationAction.GEWIJZIGD), open,
                    ReportStatus.IN_BEHANDELING));
            if (Draw.chance(rng, 0.65)) {
                LocalDate closed = working.plus(taken, Draw.between(rng, 10, 120));
                LocalDate end = closed.minusDays(Draw.between(rng, 1, 10));
                versions.add(new AbsoluteAbsenceHistory.Version(office(rng, closed, MutationAction.GEWIJZIGD),
                        new Period(start, end.isBefore(start) ? start : end), ReportStatus.AFGESLOTEN));
            }
        }
        return new AbsoluteAbsenceHistory(Draw.chance(rng, 0.5), versions);
    }

    /** A signal whose duration is fixed by {@code episode}; see the class comment. */
    RecordHistory plan(PupilProfile profile, SplittableRandom rng, Episode episode) {
        Days working = calendar.workingDays();
        LocalDate start;
        LocalDate filed;
        if (episode == Episode.LONG && Draw.chance(rng, 0.4)) {
            start = SimulatorCalendar.FIRST_DAY;
            filed = working.random(rng, LocalDate.of(2024, 9, 2), LocalDate.of(2024, 10, 15));
        } else {
            LocalDate latestStart = episode == Episode.LONG ? LATEST_LONG_START : LATEST_SHORT_START;
            start = calendar.schoolDays(profile.holidayRegion()).random(rng, LocalDate.of(2024, 9, 16), latestStart);
            filed = working.plus(start, Draw.between(rng, 5, 20));
        }
        List<AbsoluteAbsenceHistory.Version> versions = new ArrayList<>();
        Period open = new Period(start, null);
        versions.add(new AbsoluteAbsenceHistory.Version(batch(rng, filed, MutationAction.NIEUW), open,
                ReportStatus.GEREGISTREERD));
        if (episode == Episode.WITHDRAWN) {
            versions.add(new AbsoluteAbsenceHistory.Version(office(rng, working.plus(filed, Draw.between(rng, 1, 10)),
                    MutationAction.INGETROKKEN), open, ReportStatus.INGETROKKEN));
            return new AbsoluteAbsenceHistory(Draw.chance(rng, 0.5), versions);
        }
        LocalDate taken = working.plus(filed, Draw.between(rng, 2, 10));
        versions.add(new AbsoluteAbsenceHistory.Version(office(rng, taken, MutationAction.GEWIJZIGD), open,
                ReportStatus.IN_BEHANDELING));
        LocalDate end = null;
        if (episode == Episode.SHORT) {
            end = randomDay(rng, start.plusDays(10), Episode.latestShortEnd(start));
        } else if (!Draw.chance(rng, 0.35)) {
            end = randomDay(rng, Episode.earliestLongEnd(start), Episode.latestLongEnd(start, LATEST_LONG_END));
        }
        if (end != null) {
            LocalDate closed = working.plus(end.isAfter(taken) ? end : taken, Draw.between(rng, 1, 5));
            versions.add(new AbsoluteAbsenceHistory.Version(office(rng, closed, MutationAction.GEWIJZIGD),
                    new Period(start, end), ReportStatus.AFGESLOTEN));
        }
        return new AbsoluteAbsenceHistory(Draw.chance(rng, 0.5), versions);
    }

    /** A calendar day from {@code from} to {@code to}, both inclusive (from itself when to lies before it). */
    static LocalDate randomDay(SplittableRandom rng, LocalDate from, LocalDate to) {
        long span = to.toEpochDay() - from.toEpochDay();
        return span <= 0 ? from : from.plusDays(rng.nextLong(span + 1));
    }

    private static Step batch(SplittableRandom rng, LocalDate day, MutationAction action) {
        return new Step(SimulatorCalendar.at(day, SimulatorCalendar.batchTime(rng)), action);
    }

    private static Step office(SplittableRandom rng, LocalDate day, MutationAction action) {
        return new Step(SimulatorCalendar.at(day, SimulatorCalendar.officeTime(rng)), action);
    }
}
