package nl.verzuimhub.server.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    /** A report version with the problems found in it. */
    public record Flagged(String recordId, int version, List<PlausibilityFlag> flags) {
    }

    /** The check without storing (no I/O): the flags of {@code mutation}'s record, if it is a report that has any. */
    public Optional<Flagged> judge(Mutation mutation) {
        if (mutation.action() == MutationAction.INGETROKKEN
                || !(mutation.record() instanceof AbsenceReport report)) {
            return Optional.empty();
        }
        List<PlausibilityFlag> found = ReportPlausibility.check(report, calendars.schoolDays(report));
        return found.isEmpty() ? Optional.empty() : Optional.of(new Flagged(report.id(), report.version(), found));
    }

    /** Stores what {@link #judge} found for a register page, in one batch (a flag already stored stays as it was). */
    public void store(List<Flagged> flagged, Instant now) {
        if (!flagged.isEmpty()) {
            flags.add(flagged, now);
        }
    }
}
