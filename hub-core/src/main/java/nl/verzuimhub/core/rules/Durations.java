package nl.verzuimhub.core.rules;

/**
 * Summary of a set of episode durations in calendar days (first and last day both counted).
 *
 * @param count      how many episodes
 * @param meanDays   arithmetic mean, or null when {@code count} is 0
 * @param medianDays median (the mean of the two middle values for an even count), or null when {@code count} is 0
 */
public record Durations(int count, Double meanDays, Double medianDays) {
    public static final Durations NONE = new Durations(0, null, null);
}
