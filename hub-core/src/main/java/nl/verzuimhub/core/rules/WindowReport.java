package nl.verzuimhub.core.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A report the 16-hours-in-4-school-weeks rule requires.
 *
 * @param first first absence day counted
 * @param last  the day the total reached the threshold (the report's end date)
 * @param hours the total counted
 * @param days  the number of absence days counted
 */
public record WindowReport(LocalDate first, LocalDate last, BigDecimal hours, int days) {
}
