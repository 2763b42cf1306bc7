package nl.verzuimhub.connectors.register;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One failed request to the register.
 *
 * @param cause      what kind of failure
 * @param httpStatus the register's status code, or 0 when there was no answer
 * @param retryAfter the register's {@code Retry-After}, or null when it gave none
 * @param detail     for an operator: a status, an exception type and message of the transport; never a body, a URL
 *                   query, a token or personal data
 * @param at         when it happened
 * @param requestedFrom the {@code vanaf} asked
 */
public record PollFailure(FailureCause cause, int httpStatus, Duration retryAfter, String detail, Instant at,
                          long requestedFrom) {
    public PollFailure {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
