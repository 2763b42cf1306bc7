package nl.verzuimhub.core.calendar;

import java.time.LocalDate;

/**
 * A calendar was asked about a day it has no official school holidays for. Rather than guess, the calendar refuses;
 * the message names the day and the range it covers.
 */
public class DateOutsideCalendarException extends RuntimeException {
    private final LocalDate date;

    public DateOutsideCalendarException(LocalDate date, LocalDate firstCovered, LocalDate lastCovered) {
        super("no school calendar for " + date + ": the school holidays are known from " + firstCovered + " to "
                + lastCovered + " (school years " + SchoolYear.containing(firstCovered) + " to "
                + SchoolYear.containing(lastCovered) + ")");
        this.date = date;
    }

    public LocalDate date() {
        return date;
    }
}
