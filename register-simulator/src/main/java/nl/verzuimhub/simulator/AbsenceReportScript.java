package nl.verzuimhub.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.verzuimhub.core.calendar.SchoolHoliday;
import nl.verzuimhub.core.record.AbsenceType;
import nl.verzuimhub.core.record.ClosingReason;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.ReportStatus;
import nl.verzuimhub.simulator.SimulatorCalendar.Days;

/**
 * Plans a pupil's absence reports over the year, one to three, not overlapping.
 *
 * <p>Contracts: the type fits the pupil's age on the first day of absence (V3 under 18, V4 from 18, RMC 18 to 22,
 * L under 18, none under 5); hours have at most two decimals and no trailing zeros; V3 and V4 cover at least 16
 * hours on school days within 4 school weeks, and O fewer than 16; LRV and RMC are open-ended when filed and get an
 * end date when closed; every report is filed 1 to 12 school days after the threshold was reached. Lifecycle: NIEUW
 * (GEREGISTREERD), then GEWIJZIGD to IN_BEHANDELING (or to TER_KENNISGEVING_AANGENOMEN for some O and L reports),
 * for LRV and RMC updates of the day count, then AFGESLOTEN with a closing reason; about 5% are withdrawn
 * (INGETROKKEN) instead. School actions fall on school days, the municipality's on working days, all in office hours.
 */
final class AbsenceReportScript {
    private static final BigDecimal SIXTEEN = BigDecimal.valueOf(16);
    private static final ClosingReason[] REASONS = ClosingReason.values();

    private final SimulatorCalendar calendar = SimulatorCalendar.INSTANCE;
    private final boolean longTermRelative;

    /**
     * @param longTermRelative whether this script files LRV reports; a calibrated region files them only through
     *                         {@link LongTermAbsenceScript}, so that their number is set by the quota
     */
    AbsenceReportScript(boolean longTermRelative) {
        this.longTermRelative = longTermRelative;
    }

    List<RecordHistory> plan(PupilProfile profile, SplittableRandom rng) {
        Days days = calendar.schoolDays(profile.holidayRegion());
        int first = days.indexOnOrAfter(SimulatorCalendar.FIRST_DAY);
        int last = days.indexOnOrBefore(SimulatorCalendar.LAST_DAY);
        int count = 1 + Draw.weighted(rng, 80, 17, 3);
        List<RecordHistory> reports = new ArrayList<>();
        int earliest = first + Draw.between(rng, 5, 15);
        for (int k = 0; k < count && earliest < last - 25; k++) {
            int start = Draw.between(rng, earliest, Math.min(earliest + 120, last - 25));
            AbsenceType type = typeFor(rng, profile.ageOn(days.get(start)), longTermRelative ? 1 : 0);
            if (type == null) {
                break;
            }
            Absence absence = switch (type) {
                case V3, V4 -> threshold(rng, start);
                case O -> signal(rng, start);
                case L -> luxury(rng, calendar.holidays(profile.holidayRegion()), days, start, last);
                case LRV -> longTerm(rng, start, 20, 24);
                case RMC -> longTerm(rng, start, 10, 30);
            };
            if (absence == null) {
                continue;
            }
            reports.add(lifecycle(rng, profile, days, type, absence));
            if (type == AbsenceType.LRV || type == AbsenceType.RMC) {
                break;
            }
            earliest = absence.lastIndex + Draw.between(rng, 10, 40);
        }
        return reports;
    }

    /** What the school saw before filing: first and last absent school day (indices), hours, days, filing day. */
    private record Absence(int startIndex, int lastIndex, BigDecimal hours, int days, boolean allLessons,
                           boolean openEnded, int reportIndex) {
    }

    /** The type for a pupil of {@code age}; {@code lrv} (0 or 1) multiplies the weight of LRV. */
    private static AbsenceType typeFor(SplittableRandom rng, int age, int lrv) {
        if (age < 5 || age > 22) {
            return null;
        }
        if (age < 18) {
            return new AbsenceType[] {AbsenceType.V3, AbsenceType.LRV, AbsenceType.L, AbsenceType.O}
                    [Draw.weighted(rng, 55, 13 * lrv, 12, 20)];
        }
        return new AbsenceType[] {AbsenceType.V4, AbsenceType.RMC, AbsenceType.LRV, AbsenceType.O}
                [Draw.weighted(rng, 45, 30, 10 * lrv, 15)];
    }

    /** Absent hours on every first or second school day until 16 are reached: at most 10 days, within 19. */
    private static Absence threshold(SplittableRandom rng, int start) {
        boolean fiftyMinuteLessons = Draw.chance(rng, 0.5);
        boolean allLessons = Draw.chance(rng, 0.1);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int index = start;
        int lastIndex = start;
        int count = 0;
        while (total.compareTo(SIXTEEN) < 0) {
            lastIndex = index;
            count++;
            total = total.add(allLessons ? fullDay(fiftyMinuteLessons) : dayHours(rng, fiftyMinuteLessons));
            index += Draw.between(rng, 1, 2);
        }
        return new Absence(start, lastIndex, canonical(total), count, allLessons, false, lastIndex + reportDelay(rng));
    }

    /** Two to five partly missed days, fewer than 16 hours: a worrying signal below the threshold. */
    private static Absence signal(SplittableRandom rng, int start) {
        int count = Draw.between(rng, 2, 5);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int index = start;
        int lastIndex = start;
        for (int i = 0; i < count; i++) {
            lastIndex = index;
            total = total.add(BigDecimal.valueOf(Draw.between(rng, 4, 12)).divide(BigDecimal.valueOf(4)));
            index += Draw.between(rng, 1, 3);
        }
        return new Absence(start, lastIndex, canonical(total), count, false, false, lastIndex + reportDelay(rng));
    }

    /** One to five school days just before a holiday, or one to three just after it. */
    private static Absence luxury(SplittableRandom rng, List<SchoolHoliday> holidays, Days days, int earliest,
                                  int last) {
        List<int[]> candidates = new ArrayList<>();
        for (SchoolHoliday holiday : holidays) {
            int before = days.indexOnOrBefore(holiday.first().minusDays(1));
            int beforeLength = Draw.between(rng, 1, 5);
            candidates.add(new int[] {before - beforeLength + 1, before});
            int after = days.indexOnOrAfter(holiday.last().plusDays(1));
            candidates.add(new int[] {after, after + Draw.between(rng, 1, 3) - 1});
        }
        candidates.removeIf(c -> c[0] < earliest || c[1] > last);
        if (candidates.isEmpty()) {
            return null;
        }
        int[] chosen = Draw.oneOf(rng, candidates);
        int count = chosen[1] - chosen[0] + 1;
        BigDecimal hours = Draw.chance(rng, 0.5) ? null : canonical(fullDay(false).multiply(BigDecimal.valueOf(count)));
        return new Absence(chosen[0], chosen[1], hours, count, true, false, chosen[1] + reportDelay(rng));
    }

    /** Absent every school day from {@code start}; filed after {@code minDays} to {@code maxDays} such days. */
    private static Absence longTerm(SplittableRandom rng, int start, int minDays, int maxDays) {
        int report = start + Draw.between(rng, minDays, maxDays);
        return new Absence(start, report - 1, null, report - start, true, true, report);
    }

    private AbsenceReportHistory lifecycle(SplittableRandom rng, PupilProfile profile, Days days, AbsenceType type,
                                           Absence absence) {
        Days working = calendar.workingDays();
        LocalDate start = days.get(absence.startIndex);
        Period period = new Period(start, absence.openEnded ? null : days.get(absence.lastIndex));
        LocalDate reportedOn = days.get(absence.reportIndex);
        List<AbsenceReportHistory.Version> versions = new ArrayList<>();
        versions.add(new AbsenceReportHistory.Version(step(rng, reportedOn, MutationAction.NIEUW),
                ReportStatus.GEREGISTREERD, null, period, absence.hours, absence.days));
        boolean finished = false;
        if (Draw.chance(rng, 0.04)) {
            versions.add(withdrawn(rng, versions, days.plus(reportedOn, Draw.between(rng, 1, 5))));
            finished = true;
        } else if ((type == AbsenceType.O && Draw.chance(rng, 0.5))
                || (type == AbsenceType.L && Draw.chance(rng, 0.15))) {
            versions.add(new AbsenceReportHistory.Version(
                    step(rng, working.plus(reportedOn, Draw.between(rng, 2, 10)), MutationAction.GEWIJZIGD),
                    ReportStatus.TER_KENNISGEVING_AANGENOMEN, null, period, absence.hours, absence.days));
            finished = true;
        }
        if (finished) {
            return history(rng, profile, type, absence, reportedOn, versions);
        }
        LocalDate day = working.plus(reportedOn, Draw.between(rng, 1, 8));
        versions.add(new AbsenceReportHistory.Version(step(rng, day, MutationAction.GEWIJZIGD),
                ReportStatus.IN_BEHANDELING, null, period, absence.hours, absence.days));
        int countedUpTo = absence.reportIndex;
        if (absence.openEnded) {
            for (int update = Draw.between(rng, 0, 2); update > 0; update--) {
                day = working.plus(day, Draw.between(rng, 15, 30));
                countedUpTo = Math.max(countedUpTo, days.indexOnOrAfter(day));
                versions.add(new AbsenceReportHistory.Version(step(rng, day, MutationAction.GEWIJZIGD),
                        ReportStatus.IN_BEHANDELING, null, period, null, countedUpTo - absence.startIndex));
            }
        }
        if (Draw.chance(rng, 0.015)) {
            versions.add(withdrawn(rng, versions, working.plus(day, Draw.between(rng, 1, 10))));
            return history(rng, profile, type, absence, reportedOn, versions);
        }
        day = working.plus(day, absence.openEnded ? Draw.between(rng, 10, 140) : Draw.between(rng, 5, 60));
        Period closedPeriod = period;
        Integer closedDays = versions.get(versions.size() - 1).days();
        if (absence.openEnded) {
            int returnIndex = Math.max(countedUpTo, days.indexOnOrAfter(day) - Draw.between(rng, 0, 5));
            closedPeriod = new Period(start, days.get(returnIndex - 1));
            closedDays = returnIndex - absence.startIndex;
        }
        versions.add(new AbsenceReportHistory.Version(step(rng, day, MutationAction.GEWIJZIGD),
                ReportStatus.AFGESLOTEN, closingReason(rng, type), closedPeriod, absence.hours, closedDays));
        return history(rng, profile, type, absence, reportedOn, versions);
    }

    private static AbsenceReportHistory history(SplittableRandom rng, PupilProfile profile, AbsenceType type,
                                                Absence absence, LocalDate reportedOn,
                                                List<AbsenceReportHistory.Version> versions) {
        return history(rng, profile, type, absence.allLessons, reportedOn, versions);
    }

    /** The report with what the school wrote (reason, action, reporter) drawn for {@code type}. */
    static AbsenceReportHistory history(SplittableRandom rng, PupilProfile profile, AbsenceType type,
                                        boolean allLessons, LocalDate reportedOn,
                                        List<AbsenceReportHistory.Version> versions) {
        String reason = Draw.chance(rng, 0.85)
                ? SyntheticTexts.suspectedReason(rng, type, profile.ageOn(reportedOn)) : null;
        String action = Draw.chance(rng, 0.7) ? SyntheticTexts.schoolAction(rng) : null;
        boolean municipalAction = Draw.chance(rng, switch (type) {
            case O -> 0.35;
            case L -> 0.85;
            default -> 0.9;
        });
        return new AbsenceReportHistory(type, allLessons, reason, action, municipalAction,
                Draw.oneOf(rng, profile.school().reporters()), reportedOn, versions);
    }

    private static AbsenceReportHistory.Version withdrawn(SplittableRandom rng,
                                                          List<AbsenceReportHistory.Version> versions, LocalDate day) {
        AbsenceReportHistory.Version last = versions.get(versions.size() - 1);
        return new AbsenceReportHistory.Version(step(rng, day, MutationAction.INGETROKKEN), ReportStatus.INGETROKKEN,
                null, last.period(), last.hours(), last.days());
    }

    static ClosingReason closingReason(SplittableRandom rng, AbsenceType type) {
        // Weights in ClosingReason order: TERUG_NAAR_SCHOOL, ANDERE_OPLEIDING, WERK, BEEINDIGD_OVERIG, OVERLEDEN,
        // LANGDURIG_ZIEK, LEGITIEM_AFWEZIG.
        int[] weights = switch (type) {
            case V3, O -> new int[] {70, 8, 0, 10, 0, 6, 6};
            case V4 -> new int[] {62, 8, 8, 10, 0, 6, 6};
            case L -> new int[] {50, 0, 0, 40, 0, 0, 10};
            case LRV -> new int[] {40, 30, 3, 10, 0, 12, 5};
            case RMC -> new int[] {25, 25, 30, 20, 0, 0, 0};
        };
        return REASONS[Draw.weighted(rng, weights)];
    }

    /** A step on {@code day} in office hours. */
    static Step step(SplittableRandom rng, LocalDate day, MutationAction action) {
        OffsetDateTime at = SimulatorCalendar.at(day, SimulatorCalendar.officeTime(rng));
        return new Step(at, action);
    }

    private static int reportDelay(SplittableRandom rng) {
        return Draw.chance(rng, 0.9) ? Draw.between(rng, 1, 5) : Draw.between(rng, 6, 12);
    }

    /** Hours missed on one day: whole quarters from 2 to 6, or 2 to 7 lessons of 50 minutes. */
    private static BigDecimal dayHours(SplittableRandom rng, boolean fiftyMinuteLessons) {
        if (fiftyMinuteLessons) {
            return BigDecimal.valueOf(Draw.between(rng, 2, 7) * 50L)
                    .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(Draw.between(rng, 8, 24)).divide(BigDecimal.valueOf(4)).setScale(2);
    }

    /**
     * Hours as the register writes them: no trailing zeros and never an exponent, so that the value equals what a
     * reader parses back from the page ({@code 17}, {@code 16.5}, {@code 3.33}).
     */
    static BigDecimal canonical(BigDecimal hours) {
        BigDecimal stripped = hours.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal fullDay(boolean fiftyMinuteLessons) {
        return fiftyMinuteLessons ? new BigDecimal("5.83") : new BigDecimal("5.50");
    }
}
