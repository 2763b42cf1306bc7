package nl.verzuimhub.core.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Hours of unauthorised absence on one day, as a school records them. */
public record AbsenceHours(LocalDate date, BigDecimal hours) {
    public AbsenceHours {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(hours, "hours");
        if (hours.signum() <= 0) {
            throw new IllegalArgumentException("absence hours must be positive: " + hours);
        }
    }

    public static AbsenceHours of(LocalDate date, int hours) {
        return new AbsenceHours(date, BigDecimal.valueOf(hours));
    }
}
