package nl.verzuimhub.core.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A school year as the Leerplichtwet counts it: 1 August up to and including 31 July of the next calendar year.
 * Written {@code 2024-2025}.
 *
 * @param startYear the calendar year in which the school year starts (2024 for 2024-2025)
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{4})");

    /** The school year {@code date} falls in. */
    public static SchoolYear containing(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= Month.AUGUST.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /**
     * Parses {@code 2024-2025}.
     *
     * @throws IllegalArgumentException when the text is not two consecutive four-digit years joined by a hyphen
     */
    public static SchoolYear parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.strip());
        if (matcher == null || !matcher.matches()
                || Integer.parseInt(matcher.group(2)) != Integer.parseInt(matcher.group(1)) + 1) {
            throw new IllegalArgumentException("school year '" + text + "' is not of the form 2024-2025");
        }
        return new SchoolYear(Integer.parseInt(matcher.group(1)));
    }

    /** 1 August of {@link #startYear()}. */
    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.AUGUST, 1);
    }

    /** 31 July of the next year. */
    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.JULY, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public SchoolYear next() {
        return new SchoolYear(startYear + 1);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return startYear + "-" + (startYear + 1);
    }
}
