package nl.verzuimhub.core.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One school holiday of one region: first and last day, both inclusive, weekends included (the government publishes
 * them as "zaterdag ... tot en met zondag ...").
 */
public record SchoolHoliday(HolidayKind kind, LocalDate first, LocalDate last) {
    public SchoolHoliday {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("holiday ends before it starts: " + first + " to " + last);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(first) && !date.isAfter(last);
    }
}
