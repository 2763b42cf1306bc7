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

    default SchoolCalendar calendar() {
        return SchoolCalendar.WEEKDAYS;
    }
}
