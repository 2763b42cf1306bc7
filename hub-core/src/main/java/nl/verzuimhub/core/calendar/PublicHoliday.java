package nl.verzuimhub.core.calendar;

import java.time.LocalDate;

/** A national public holiday on which schools are closed, e.g. Tweede Paasdag on 2025-04-21. */
public record PublicHoliday(LocalDate date, String name) {
}
