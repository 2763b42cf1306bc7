package nl.verzuimhub.core.rules;

import java.time.LocalDate;
import java.util.Map;

/**
 * Doorloopsnelheid for one period, per episode kind.
 *
 * @param from      first day of the period
 * @param to        last day of the period (inclusive)
 * @param reference the day open episodes are measured up to
 * @param closed    per kind: durations of the episodes closed in the period (end date from {@code from} to
 *                  {@code to}); every kind is present, {@link Durations#NONE} when there were none
 * @param open      per kind: durations up to {@code reference} of the episodes still open on it; every kind present
 */
public record DoorloopsnelheidReport(LocalDate from, LocalDate to, LocalDate reference,
                                     Map<EpisodeKind, Durations> closed, Map<EpisodeKind, Durations> open) {
    public DoorloopsnelheidReport {
        closed = Map.copyOf(closed);
        open = Map.copyOf(open);
    }
}
