package nl.verzuimhub.connectors.register;

import java.util.List;
import java.util.Objects;

/**
 * A register page is refused. The {@link #reason()} is written for an operator: it names positions (line, column,
 * volgnummer, element path) and the rule that failed, and by construction never the content of a personal field,
 * so it may be logged and stored with the quarantined page.
 */
final class PageRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** At most this many problems are named in one reason; the rest are counted. */
    static final int MAX_PROBLEMS_NAMED = 10;

    PageRejectedException(String reason) {
        super(Objects.requireNonNull(reason, "reason"), null, false, false);
    }

    /** One reason naming the first {@link #MAX_PROBLEMS_NAMED} of {@code problems} (not empty). */
    static PageRejectedException of(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems to report");
        }
        StringBuilder reason = new StringBuilder(String.join("; ", problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_NAMED))));
        if (problems.size() > MAX_PROBLEMS_NAMED) {
            reason.append("; and ").append(problems.size() - MAX_PROBLEMS_NAMED).append(" more");
        }
        return new PageRejectedException(reason.toString());
    }

    /** Why the page was refused; free of personal data. */
    String reason() {
        return getMessage();
    }
}
