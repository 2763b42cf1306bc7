package nl.verzuimhub.core.rules;

import java.util.Objects;

/**
 * One finding about one report: a flag for a person to look at, never a reason to drop the report.
 *
 * @param detail plain words without personal data (numbers and dates of the report only)
 */
public record PlausibilityFlag(PlausibilityProblem problem, String detail) {
    public PlausibilityFlag {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(detail, "detail");
    }
}
