package nl.verzuimhub.core.rules;

import java.time.LocalDate;

/**
 * A thuiszitter case: an episode that qualifies under a {@link ThuiszitterDefinition} on the reference date.
 *
 * @param episode      the qualifying episode (start and end; end null while open)
 * @param open         whether the episode still lasts on the reference date
 * @param durationDays its duration in calendar days up to its end or the reference date, both days included
 */
public record Thuiszitter(Episode episode, boolean open, long durationDays) {
    public LocalDate start() {
        return episode.start();
    }

    /** The end date, or null while open. */
    public LocalDate end() {
        return open ? null : episode.end();
    }
}
