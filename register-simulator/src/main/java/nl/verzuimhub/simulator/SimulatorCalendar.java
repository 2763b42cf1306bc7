package nl.verzuimhub.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import nl.verzuimhub.core.calendar.HolidayRegion;
import nl.verzuimhub.core.calendar.PublicHolidays;
import nl.verzuimhub.core.calendar.SchoolCalendar;
import nl.verzuimhub.core.calendar.SchoolHoliday;

/**
 * Dates and times of the simulated school year 2024-2025 in the Netherlands, built on hub-core's calendar (the
 * authority for holidays: {@link nl.verzuimhub.core.calendar.SchoolCalendar}, {@link PublicHolidays}): working days
 * (Monday to Friday, not a public holiday), school days per {@link HolidayRegion} (hub-core's school days of that
 * region), and local timestamps in zone Europe/Amsterdam (offset +02:00 in summer time, +01:00 in winter time).
 * What the simulator adds is index arithmetic over those days ({@link Days}: "n school days later") and the times of
 * day at which schools, offices and the register act.
 *
 * <p>The register's year runs from {@link #FIRST_DAY} to {@link #LAST_DAY}; the days reach further (to 30 June 2026)
 * so that a step planned after the year can be computed (and then left out). Immutable and shared.
 */
final class SimulatorCalendar {
    static final LocalDate FIRST_DAY = LocalDate.of(2024, 8, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 7, 31);
    /** The date ages are counted on when sorting pupils into school types (1 October, as the school-entry rule). */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2024, 10, 1);
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** The first day hub-core's calendar covers, and so the first listed day. */
    private static final LocalDate CALENDAR_START = FIRST_DAY;
    private static final LocalDate CALENDAR_END = LocalDate.of(2026, 6, 30);

    static final SimulatorCalendar INSTANCE = new SimulatorCalendar();

    private final Days workingDays;
    private final Map<HolidayRegion, Days> schoolDays = new EnumMap<>(HolidayRegion.class);
    private final Map<HolidayRegion, List<SchoolHoliday>> holidays = new EnumMap<>(HolidayRegion.class);

    private SimulatorCalendar() {
        List<LocalDate> working = new ArrayList<>();
        for (LocalDate d = CALENDAR_START; !d.isAfter(CALENDAR_END); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                working.add(d);
            }
        }
        workingDays = new Days(working);
        for (HolidayRegion region : HolidayRegion.values()) {
            SchoolCalendar calendar = SchoolCalendar.of(region);
            schoolDays.put(region, new Days(working.stream().filter(calendar::isSchoolDay).toList()));
            holidays.put(region, calendar.holidays().stream()
                    .filter(h -> !h.last().isBefore(CALENDAR_START) && !h.first().isAfter(LAST_DAY)).toList());
        }
    }

    /** Monday to Friday and not a public holiday: the days municipal offices and the register work. */
    static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !PublicHolidays.isPublicHoliday(date);
    }

    Days workingDays() {
        return workingDays;
    }

    Days schoolDays(HolidayRegion region) {
        return schoolDays.get(region);
    }

    /** The school holidays of {@code region} that touch the register's year (the summer holidays at either end). */
    List<SchoolHoliday> holidays(HolidayRegion region) {
        return holidays.get(region);
    }

    /** The local time on {@code date} in Europe/Amsterdam, with the offset in force that day. */
    static OffsetDateTime at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, ZONE).toOffsetDateTime();
    }

    /** A time during office hours (08:00 to 16:59), to the second. */
    static LocalTime officeTime(SplittableRandom rng) {
        return LocalTime.of(Draw.between(rng, 8, 16), rng.nextInt(60), rng.nextInt(60));
    }

    /** A time in the school's morning (07:30 to 09:29), when sick reports come in. */
    static LocalTime morningTime(SplittableRandom rng) {
        return LocalTime.of(7, 30).plusSeconds(rng.nextInt(2 * 3600));
    }

    /** A time during the register's early batch run (07:00 to 07:59). */
    static LocalTime batchTime(SplittableRandom rng) {
        return LocalTime.of(7, rng.nextInt(60), rng.nextInt(60));
    }

    /**
     * An ordered list of days addressed by index, so that "n school days later" is index arithmetic. Indices past
     * either end are clamped to the calendar's first or last day (which lies outside the register's year).
     */
    static final class Days {
        private final LocalDate[] days;
        private final long[] epochDays;

        Days(List<LocalDate> days) {
            this.days = days.toArray(LocalDate[]::new);
            this.epochDays = days.stream().mapToLong(LocalDate::toEpochDay).toArray();
        }

        int size() {
            return days.length;
        }

        LocalDate get(int index) {
            return days[Math.max(0, Math.min(days.length - 1, index))];
        }

        /** The index of {@code date}, or of the first listed day after it. */
        int indexOnOrAfter(LocalDate date) {
            int found = Arrays.binarySearch(epochDays, date.toEpochDay());
            return found >= 0 ? found : -found - 1;
        }

        /** The index of {@code date}, or of the last listed day before it. */
        int indexOnOrBefore(LocalDate date) {
            int found = Arrays.binarySearch(epochDays, date.toEpochDay());
            return found >= 0 ? found : -found - 2;
        }

        /** The day {@code n} listed days after {@code date} (date itself counts as 0 when listed). */
        LocalDate plus(LocalDate date, int n) {
            return get(indexOnOrAfter(date) + n);
        }

        /** A listed day from {@code from} to {@code to}, both inclusive, drawn uniformly. */
        LocalDate random(SplittableRandom rng, LocalDate from, LocalDate to) {
            int low = indexOnOrAfter(from);
            int high = indexOnOrBefore(to);
            return get(high <= low ? low : Draw.between(rng, low, high));
        }
    }
}
