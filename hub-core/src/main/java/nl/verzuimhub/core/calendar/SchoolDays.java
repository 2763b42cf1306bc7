package nl.verzuimhub.core.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days are school days: the one question the rules (M@ZL, 16 hours in 4 school weeks) ask of a calendar.
 *
 * <p>{@link SchoolCalendar} answers it for a holiday region; {@link #WEEKDAYS} is the plain Monday-to-Friday answer
 * the policy engine used before the regional calendar existed.
 */
@FunctionalInterface
public interface SchoolDays {
    /** Monday to Friday, no holidays at all. */
    SchoolDays WEEKDAYS = date -> date.getDayOfWeek() != DayOfWeek.SATURDAY
            && date.getDayOfWeek() != DayOfWeek.SUNDAY;

    /**
     * Whether pupils are expected at school on {@code date}.
     *
     * @throws DateOutsideCalendarException when the calendar does not know {@code date}
     */
    boolean isSchoolDay(LocalDate date);

    /**
     * The number of school days from {@code from} to {@code to}, both inclusive (0 when {@code to} is before
     * {@code from}).
     *
     * @throws DateOutsideCalendarException when the calendar does not know a day of the range
     */
    default int countBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isSchoolDay(day)) {
                count++;
            }
        }
        return count;
    }
}
