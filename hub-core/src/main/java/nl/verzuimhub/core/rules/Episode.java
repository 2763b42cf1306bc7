package nl.verzuimhub.core.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import nl.verzuimhub.core.record.Enrolment;
import nl.verzuimhub.core.record.Pupil;

/**
 * One LRV or absolute-absence episode of one pupil, taken from one register record (see {@link Episodes}).
 *
 * @param recordId the register record's id
 * @param school   the (last) school, or null when the pupil was never enrolled
 * @param start    first day of absence
 * @param end      last day of absence, inclusive; null while the episode is open
 */
public record Episode(EpisodeKind kind, String recordId, Pupil pupil, Enrolment school, LocalDate start,
                      LocalDate end) {
    public Episode {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(pupil, "pupil");
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("episode ends before it starts");
        }
    }

    public Optional<Enrolment> schoolIfKnown() {
        return Optional.ofNullable(school);
    }

    /** Whether the episode has started by {@code date} and not ended before it. */
    public boolean isOpenOn(LocalDate date) {
        return !start.isAfter(date) && (end == null || !end.isBefore(date));
    }

    /** Whether the episode was closed on or before {@code date}. */
    public boolean isClosedBy(LocalDate date) {
        return end != null && !end.isAfter(date);
    }

    /** The last day of absence as known on {@code reference}: the end date, or {@code reference} while it lasts. */
    public LocalDate lastDayAsOf(LocalDate reference) {
        return end != null && end.isBefore(reference) ? end : reference;
    }

    /**
     * The duration in calendar days, start and last day both counted (an episode of 1 to 30 September lasts 30 days),
     * measured on {@code reference} (an open episode counts up to and including it). 0 when it starts after
     * {@code reference}.
     */
    public long durationDays(LocalDate reference) {
        LocalDate last = lastDayAsOf(reference);
        return last.isBefore(start) ? 0 : ChronoUnit.DAYS.between(start, last) + 1;
    }

    @Override
    public String toString() {
        return "Episode(" + kind + " " + recordId + " " + start + ".." + (end == null ? "open" : end) + ")";
    }
}
