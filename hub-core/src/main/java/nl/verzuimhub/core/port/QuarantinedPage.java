package nl.verzuimhub.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A register page that was refused, kept as received so that it can be inspected and retried.
 *
 * @param reason why it was refused; names positions and rules, never the content of personal fields
 * @param body   the page exactly as received (holds personal data: stored, never logged)
 */
public record QuarantinedPage(long requestedFrom, Instant receivedAt, String reason, byte[] body) {
    public QuarantinedPage {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(body, "body");
    }
}
