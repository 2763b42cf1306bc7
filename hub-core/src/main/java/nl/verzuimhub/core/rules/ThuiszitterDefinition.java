package nl.verzuimhub.core.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * When an LRV or absolute-absence episode makes a pupil a thuiszitter: its duration compared with a threshold.
 *
 * <p>Durations count calendar days with the first and the last day of absence included. An episode lasts
 * <b>more than</b> {@code threshold} when its last day is on or after {@code start + threshold} (1 September to
 * 1 December is more than 3 months, to 30 November is exactly 3 months); it lasts <b>at least</b> {@code threshold}
 * when its last day is on or after {@code start + threshold - 1 day} (1 to 28 September is 4 weeks).
 *
 * <p>The sector's third variant, "less than 50% of the education offered", is not supported: the register does not
 * carry how much education a pupil receives (hours on the timetable or in a partial arrangement), only absence
 * episodes, so the data cannot decide it.
 *
 * @param name      a short name for configuration and docs, e.g. {@code more-than-3-months}
 * @param threshold the duration to compare with
 * @param strictly  true: more than the threshold; false: the threshold or more
 */
public record ThuiszitterDefinition(String name, Period threshold, boolean strictly) {
    /** The national definition (parliamentary letters, domain.md): more than 3 months. The default. */
    public static final ThuiszitterDefinition MORE_THAN_THREE_MONTHS =
            new ThuiszitterDefinition("more-than-3-months", Period.ofMonths(3), true);
    /** The variant several regions use: 4 weeks or more. */
    public static final ThuiszitterDefinition FOUR_WEEKS_OR_MORE =
            new ThuiszitterDefinition("4-weeks-or-more", Period.ofWeeks(4), false);

    public ThuiszitterDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("thuiszitter threshold must be positive: " + threshold);
        }
    }

    /**
     * The named definition.
     *
     * @throws IllegalArgumentException for a name other than {@code more-than-3-months} or {@code 4-weeks-or-more}
     */
    public static ThuiszitterDefinition named(String name) {
        if (MORE_THAN_THREE_MONTHS.name.equals(name)) {
            return MORE_THAN_THREE_MONTHS;
        }
        if (FOUR_WEEKS_OR_MORE.name.equals(name)) {
            return FOUR_WEEKS_OR_MORE;
        }
        throw new IllegalArgumentException("unknown thuiszitter definition '" + name
                + "': use more-than-3-months or 4-weeks-or-more (the <50%-of-education variant needs data the"
                + " register does not hold)");
    }

    /** The first last-day on which an episode starting on {@code start} qualifies. */
    public LocalDate qualifyingFrom(LocalDate start) {
        LocalDate boundary = start.plus(threshold);
        return strictly ? boundary : boundary.minusDays(1);
    }

    /** Whether {@code episode}, as known on {@code reference}, qualifies (an open one counts up to the reference). */
    public boolean qualifies(Episode episode, LocalDate reference) {
        return !episode.start().isAfter(reference)
                && !episode.lastDayAsOf(reference).isBefore(qualifyingFrom(episode.start()));
    }
}
