package nl.verzuimhub.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.simulator.SimulatorCalendar.Days;

/**
 * Plans a pupil's sick reports: one to three spread over the year, or for about one sick pupil in twelve a cluster
 * of four to six within 12 school weeks (the youth doctor's M@ZL signal). Each covers 1 to 10 school days, some more
 * than 6 (the other M@ZL signal); a pupil's reports never overlap.
 *
 * <p>Lifecycle: NIEUW on the first sick day in the morning, usually still open; GEWIJZIGD with the end date on the
 * day the pupil returns (a few stay open); a one-day report is sometimes filed closed at once. About 3% are
 * withdrawn (INGETROKKEN) a few school days after their last version.
 */
final class SickReportScript {
    private static final int TWELVE_SCHOOL_WEEKS = 60;

    private final SimulatorCalendar calendar = SimulatorCalendar.INSTANCE;

    List<RecordHistory> plan(PupilProfile profile, SplittableRandom rng) {
        Days days = calendar.schoolDays(profile.holidayRegion());
        int first = days.indexOnOrAfter(SimulatorCalendar.FIRST_DAY);
        int last = days.indexOnOrBefore(SimulatorCalendar.LAST_DAY);
        List<int[]> spells = new ArrayList<>();
        int shape = Draw.weighted(rng, 70, 15, 7, 8);
        if (shape == 3) {
            int count = Draw.between(rng, 4, 6);
            int cursor = Draw.between(rng, first, last - TWELVE_SCHOOL_WEEKS);
            int windowEnd = cursor + TWELVE_SCHOOL_WEEKS - 1;
            for (int i = 0; i < count; i++) {
                int length = Draw.between(rng, 1, 3);
                spells.add(new int[] {cursor, cursor + length - 1});
                cursor += length + Draw.between(rng, 2, Math.max(2, (windowEnd - cursor - length) / (count - i)));
            }
        } else {
            int cursor = first;
            for (int i = 0; i <= shape; i++) {
                int remaining = shape + 1 - i;
                int start = Draw.between(rng, cursor, cursor + Math.max(0, (last - cursor - 12) / remaining));
                int length = length(rng);
                spells.add(new int[] {start, start + length - 1});
                cursor = start + length + 1;
            }
        }
        List<RecordHistory> reports = new ArrayList<>();
        for (int[] spell : spells) {
            reports.add(lifecycle(rng, days, spell[0], spell[1]));
        }
        return reports;
    }

    private static int length(SplittableRandom rng) {
        return switch (Draw.weighted(rng, 35, 25, 15, 12, 13)) {
            case 0 -> 1;
            case 1 -> 2;
            case 2 -> 3;
            case 3 -> Draw.between(rng, 4, 5);
            default -> Draw.between(rng, 6, 10);
        };
    }

    private SickReportHistory lifecycle(SplittableRandom rng, Days days, int startIndex, int endIndex) {
        LocalDate start = days.get(startIndex);
        LocalDate end = days.get(endIndex);
        List<SickReportHistory.Version> versions = new ArrayList<>();
        LocalDate lastDay;
        if (startIndex == endIndex && Draw.chance(rng, 0.5)) {
            versions.add(new SickReportHistory.Version(morning(rng, start, MutationAction.NIEUW),
                    new Period(start, end)));
            lastDay = start;
        } else {
            versions.add(new SickReportHistory.Version(morning(rng, start, MutationAction.NIEUW),
                    new Period(start, null)));
            lastDay = start;
            if (Draw.chance(rng, 0.95)) {
                lastDay = days.get(endIndex + 1);
                versions.add(new SickReportHistory.Version(office(rng, lastDay, MutationAction.GEWIJZIGD),
                        new Period(start, end)));
            }
        }
        if (Draw.chance(rng, 0.03)) {
            SickReportHistory.Version previous = versions.get(versions.size() - 1);
            versions.add(new SickReportHistory.Version(office(rng, days.plus(lastDay, Draw.between(rng, 1, 3)),
                    MutationAction.INGETROKKEN), previous.period()));
        }
        return new SickReportHistory(versions);
    }

    private static Step morning(SplittableRandom rng, LocalDate day, MutationAction action) {
        return new Step(SimulatorCalendar.at(day, SimulatorCalendar.morningTime(rng)), action);
    }

    private static Step office(SplittableRandom rng, LocalDate day, MutationAction action) {
        return new Step(SimulatorCalendar.at(day, SimulatorCalendar.officeTime(rng)), action);
    }
}
