package nl.verzuimhub.policies;

import java.util.List;
import java.util.stream.Collectors;

/** A policy set that must not be used, with every problem found (file, line, what is wrong). */
public final class PolicyValidationException extends RuntimeException {
    private final List<PolicyProblem> problems;

    public PolicyValidationException(List<PolicyProblem> problems) {
        super("Invalid policy set (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n  "
                + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
