package nl.verzuimhub.policies;

import java.time.LocalDate;
import nl.verzuimhub.core.calendar.SchoolDays;

/**
 * Which days are school days, as the policy engine asks it. The default counts Monday to Friday; the hub passes the
 * pupil's regional calendar (hub-core {@code nl.verzuimhub.core.calendar.SchoolCalendar}) through
 * {@link #of(SchoolDays)}. Kept as the engine's own interface so that {@link DecisionFacts} and the policy bench stay
 * unchanged; it is a {@link SchoolDays}, so it can be handed to hub-core's rules directly.
 */
public interface SchoolCalendar extends SchoolDays {
    SchoolCalendar WEEKDAYS = SchoolDays.WEEKDAYS::isSchoolDay;

    @Override
    boolean isSchoolDay(LocalDate date);

    /** {@code days} as the engine's calendar. */
    static SchoolCalendar of(SchoolDays days) {
        return days instanceof SchoolCalendar calendar ? calendar : days::isSchoolDay;
    }
}
