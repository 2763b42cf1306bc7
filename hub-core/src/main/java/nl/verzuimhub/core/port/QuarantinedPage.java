package nl.verzuimhub.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A register page that was refused, kept as received so that it can be inspected and retried.
 *
 * @param reason    why it was refused; names positions and rules, never the content of personal fields
 * @param body      the page exactly as received (holds personal data: stored, never logged); empty when the page was
 *                  over the size limit and therefore not read whole
 * @param sizeBytes the page's size in bytes; for a page over the size limit, at least this many
 */
public record QuarantinedPage(long requestedFrom, Instant receivedAt, String reason, byte[] body, long sizeBytes) {
    public QuarantinedPage {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(body, "body");
        if (sizeBytes < body.length) {
            throw new IllegalArgumentException("sizeBytes cannot be less than the body kept");
        }
    }

    /** A page kept whole. */
    public QuarantinedPage(long requestedFrom, Instant receivedAt, String reason, byte[] body) {
        this(requestedFrom, receivedAt, reason, body, body.length);
    }
}
