package nl.verzuimhub.policies;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Which days are school days. The default counts Monday to Friday; a calendar with the region's holidays (issue F)
 * replaces it behind this interface.
 */
public interface SchoolCalendar {
    SchoolCalendar WEEKDAYS = date -> date.getDayOfWeek() != DayOfWeek.SATURDAY
            && date.getDayOfWeek() != DayOfWeek.SUNDAY;

    boolean isSchoolDay(LocalDate date);
}
