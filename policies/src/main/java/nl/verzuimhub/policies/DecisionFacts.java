package nl.verzuimhub.policies;

import java.util.List;
import nl.verzuimhub.core.record.Period;
import nl.verzuimhub.core.record.RegisterRecord;

/**
 * What a decision may need beyond the record itself: the pupil's history as the hub knows it, and the school
 * calendar. Consulted lazily, only by rules with a condition that needs it (the M@ZL criterion), so a decision that
 * does not need it costs nothing.
 */
public interface DecisionFacts {
    /** No history (only the record itself counts) and a Monday-to-Friday calendar. */
    DecisionFacts NONE = record -> List.of();

    /**
     * The periods of the pupil's other sick reports (not {@code record} itself, not withdrawn) that the hub holds,
     * in any order.
     */
    List<Period> otherSickReports(RegisterRecord record);

    /** The calendar when it does not depend on the pupil: Monday to Friday unless overridden. */
    default SchoolCalendar calendar() {
        return SchoolCalendar.WEEKDAYS;
    }

    /**
     * The school calendar to judge {@code record} on: in the hub, the holiday region of the pupil's municipality of
     * residence (see hub-server's {@code hub.calendar} configuration). Defaults to {@link #calendar()}.
     */
    default SchoolCalendar calendar(RegisterRecord record) {
        return calendar();
    }
}
