package nl.verzuimhub.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The school days of one holiday region: a day is a school day when it is a weekday (Monday to Friday), not a
 * national public holiday ({@link PublicHolidays}) and not in one of the region's school holidays
 * ({@link OfficialSchoolHolidays}).
 *
 * <p><b>Coverage.</b> The calendar knows the days from {@link #firstCoveredDay()} (1 August 2024) to
 * {@link #lastCoveredDay()} (31 July 2027), i.e. school years 2024-2025 to 2026-2027. Asked about any other day,
 * {@link #isSchoolDay(LocalDate)} throws {@link DateOutsideCalendarException}: it never guesses. Callers that must
 * answer anyway (the policy engine) choose their own documented fallback, see {@link #orWeekdaysOutsideCoverage()}.
 *
 * <p>Immutable and thread-safe; one shared instance per region.
 */
public final class SchoolCalendar implements SchoolDays {
    private static final Map<HolidayRegion, SchoolCalendar> BY_REGION = new EnumMap<>(HolidayRegion.class);

    static {
        for (HolidayRegion region : HolidayRegion.values()) {
            BY_REGION.put(region, new SchoolCalendar(region));
        }
    }

    private final HolidayRegion region;
    private final List<SchoolHoliday> holidays;
    /** Per covered day (index: days since the first covered day), whether it is a school day: O(1) answers. */
    private final boolean[] schoolDays;

    private SchoolCalendar(HolidayRegion region) {
        this.region = region;
        this.holidays = OfficialSchoolHolidays.of(region);
        LocalDate first = OfficialSchoolHolidays.FIRST_COVERED;
        this.schoolDays = new boolean[(int) (OfficialSchoolHolidays.LAST_COVERED.toEpochDay() - first.toEpochDay()) + 1];
        for (int i = 0; i < schoolDays.length; i++) {
            LocalDate date = first.plusDays(i);
            DayOfWeek day = date.getDayOfWeek();
            schoolDays[i] = day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                    && !PublicHolidays.isPublicHoliday(date) && holidayOn(date).isEmpty();
        }
    }

    /** The calendar of {@code region}. */
    public static SchoolCalendar of(HolidayRegion region) {
        return BY_REGION.get(Objects.requireNonNull(region, "region"));
    }

    public HolidayRegion region() {
        return region;
    }

    public LocalDate firstCoveredDay() {
        return OfficialSchoolHolidays.FIRST_COVERED;
    }

    public LocalDate lastCoveredDay() {
        return OfficialSchoolHolidays.LAST_COVERED;
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(firstCoveredDay()) && !date.isAfter(lastCoveredDay());
    }

    /** The region's school holidays in date order, including the 2024 summer holiday's August part. */
    public List<SchoolHoliday> holidays() {
        return holidays;
    }

    /**
     * {@inheritDoc}
     *
     * @throws DateOutsideCalendarException when {@code date} lies outside {@link #covers(LocalDate) coverage}
     */
    @Override
    public boolean isSchoolDay(LocalDate date) {
        requireCovered(date);
        return schoolDays[(int) (date.toEpochDay() - firstCoveredDay().toEpochDay())];
    }

    /**
     * The school holiday {@code date} falls in, if any.
     *
     * @throws DateOutsideCalendarException when {@code date} lies outside coverage
     */
    public Optional<SchoolHoliday> holidayOn(LocalDate date) {
        requireCovered(date);
        for (SchoolHoliday holiday : holidays) {
            if (holiday.contains(date)) {
                return Optional.of(holiday);
            }
        }
        return Optional.empty();
    }

    /**
     * The number of school days from {@code from} to {@code to}, both inclusive (0 when {@code to} is before
     * {@code from}).
     *
     * @throws DateOutsideCalendarException when a day of the range lies outside coverage
     */
    public int schoolDaysBetween(LocalDate from, LocalDate to) {
        return countBetween(from, to);
    }

    /**
     * This calendar inside its coverage and Monday to Friday ({@link SchoolDays#WEEKDAYS}) outside it: the documented
     * fallback for callers that must always answer, such as a disclosure decision about a record from before August
     * 2024.
     */
    public SchoolDays orWeekdaysOutsideCoverage() {
        return date -> covers(date) ? isSchoolDay(date) : SchoolDays.WEEKDAYS.isSchoolDay(date);
    }

    private void requireCovered(LocalDate date) {
        if (!covers(date)) {
            throw new DateOutsideCalendarException(date, firstCoveredDay(), lastCoveredDay());
        }
    }

    @Override
    public String toString() {
        return "SchoolCalendar(" + region.code() + ")";
    }
}
