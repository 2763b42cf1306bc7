package nl.verzuimhub.core.record;

import java.time.LocalDate;
import java.util.Objects;

/** A period with a start and an optional end (null while it lasts). */
public record Period(LocalDate start, LocalDate end) {
    public Period {
        Objects.requireNonNull(start, "start");
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("period ends before it starts");
        }
    }
}
