package nl.verzuimhub.server.rules;

import java.time.Instant;
import java.util.List;
import nl.verzuimhub.core.record.AbsenceReport;
import nl.verzuimhub.core.record.Mutation;
import nl.verzuimhub.core.record.MutationAction;
import nl.verzuimhub.core.rules.PlausibilityFlag;
import nl.verzuimhub.core.rules.ReportPlausibility;
import org.springframework.stereotype.Component;

/**
 * The check ingest runs on every stored register mutation: a V3/V4 report whose hours and period cannot add up is
 * flagged ({@link ReportPlausibility}, on the pupil's regional school days), never dropped or changed. Runs in the
 * ingest transaction, so a flag exists exactly when its report version was stored.
 */
@Component
public class ReportChecks {
    private final RegionalCalendars calendars;
    private final PlausibilityFlagRepository flags;

    ReportChecks(RegionalCalendars calendars, PlausibilityFlagRepository flags) {
        this.calendars = calendars;
        this.flags = flags;
    }

    /** Flags {@code mutation}'s record when it is a V3/V4 report that does not add up; anything else is left alone. */
    public void check(Mutation mutation, Instant now) {
        if (mutation.action() == MutationAction.INGETROKKEN
                || !(mutation.record() instanceof AbsenceReport report)) {
            return;
        }
        List<PlausibilityFlag> found = ReportPlausibility.check(report, calendars.schoolDays(report));
        if (!found.isEmpty()) {
            flags.add(report.id(), report.version(), found, now);
        }
    }
}
